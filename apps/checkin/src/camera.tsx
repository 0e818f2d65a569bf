// The phone camera as a QR reader: each code it reads goes to onCode. @zxing/browser decodes one
// frame at a time; the camera and the loop are ours, so that no frame stops the reading (zxing's
// own loop ends for good on any error it does not expect, and can wait forever for a video that
// started playing before it listened) and a camera that shows nothing is said.
import { BrowserQRCodeReader } from "@zxing/browser";
import { useEffect, useRef, useState } from "react";
import type { Translate } from "./messages.ts";

/** How often a frame is read (a phone's CPU is shared with the page). */
const FRAME_MS = 250;
/** A camera that shows no picture within this time has failed. */
const START_MS = 10_000;

export function Camera({ t, onCode }: { t: Translate; onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const reader = new BrowserQRCodeReader();
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });

    const readFrame = () => {
      if (stopped) return;
      const { videoWidth: width, videoHeight: height } = element;
      if (context && width > 0 && height > 0) {
        // (Resizing a canvas clears it and costs a new buffer: only when the picture's size does.)
        if (canvas.width !== width) canvas.width = width;
        if (canvas.height !== height) canvas.height = height;
        context.drawImage(element, 0, 0, width, height);
        try {
          handler.current(reader.decodeFromCanvas(canvas).getText());
        } catch {
          // No code in this frame (or one zxing could not make out): the next frame is read.
        }
      }
      timer = setTimeout(readFrame, FRAME_MS);
    };

    const stop = (tracks: MediaStream | null) => {
      for (const track of tracks?.getTracks() ?? []) track.stop();
    };
    (async () => {
      const started = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" },
      });
      // Switched off while the phone asked for the camera: it goes off again at once.
      if (stopped) return stop(started);
      stream = started;
      // A camera taken away (unplugged, another app) ends its track: said, like a failed start.
      for (const track of started.getVideoTracks()) {
        track.addEventListener("ended", () => !stopped && setFailed(true));
      }
      element.srcObject = started;
      await showing(element, () => stopped);
      readFrame();
    })().catch(() => {
      if (!stopped) setFailed(true);
    });

    return () => {
      stopped = true;
      clearTimeout(timer);
      stop(stream);
      stream = null;
      element.srcObject = null;
    };
  }, []);

  if (failed) return <p role="alert">{t("cameraFailed")}</p>;
  return <video ref={video} className="camera" muted playsInline />;
}

/**
 * Plays the video until it shows the camera's picture: a start that is interrupted is tried
 * again; no picture within START_MS is an error.
 */
async function showing(element: HTMLVideoElement, stopped: () => boolean) {
  const deadline = Date.now() + START_MS;
  while (!stopped() && (element.paused || element.videoWidth === 0)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error("The camera shows no picture.");
    // play() of a camera that never sends a frame never settles: it is waited for until the
    // deadline only.
    await Promise.race([
      element.play().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, left)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
