// The phone camera as a QR reader (@zxing/browser): each code it reads goes to onCode.
import { BrowserQRCodeReader, type IScannerControls } from "@zxing/browser";
import { useEffect, useRef, useState } from "react";
import type { Translate } from "./messages.ts";

export function Camera({ t, onCode }: { t: Translate; onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    if (!video.current) return;
    let controls: IScannerControls | null = null;
    let stopped = false;
    new BrowserQRCodeReader()
      .decodeFromConstraints({ video: { facingMode: "environment" } }, video.current, (result) => {
        if (result) handler.current(result.getText());
      })
      .then(
        (started) => {
          controls = started;
          if (stopped) started.stop();
        },
        () => setFailed(true),
      );
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, []);

  if (failed) return <p role="alert">{t("cameraFailed")}</p>;
  return <video ref={video} className="camera" muted playsInline />;
}
