"use client";
// What the organizer does to one discount code (organizer.discountCodes.*): switch it off or on,
// change its usage limit (never below the uses taken), or delete it while no order used it. The
// list is the server's: each change refreshes the page.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { dangerButton, secondaryButton } from "~/components/ui/styles";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";
import type { ApiFailure } from "./mutation-error";

type Code = { id: string; code: string; active: boolean; uses: number; maxUses: number | null };

export function DiscountCodeActions({ code }: { code: Code }) {
  const t = useTranslations("organizer.discountCodes");
  const trpc = useTRPC();
  const router = useRouter();
  const apiMessage = useApiMessage();
  const limitId = useId();
  const errorId = useId();
  const refresh = { onSuccess: () => router.refresh() };
  const update = useMutation(trpc.organizer.discountCodes.update.mutationOptions(refresh));
  const remove = useMutation(trpc.organizer.discountCodes.delete.mutationOptions(refresh));
  const failure = update.error ?? remove.error;
  const busy = update.isPending || remove.isPending;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <button
          type="button"
          disabled={busy}
          aria-label={t(code.active ? "switchOffCode" : "switchOnCode", { code: code.code })}
          onClick={() => {
            remove.reset();
            update.mutate({ discountCodeId: code.id, active: !code.active });
          }}
          className={secondaryButton}
        >
          {code.active ? t("switchOff") : t("switchOn")}
        </button>
        {code.uses === 0 && (
          <button
            type="button"
            disabled={busy}
            aria-label={t("deleteCode", { code: code.code })}
            onClick={() => {
              update.reset();
              remove.mutate({ discountCodeId: code.id });
            }}
            className={dangerButton}
          >
            {t("delete")}
          </button>
        )}
      </div>
      <form
        noValidate
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const text = String(new FormData(event.currentTarget).get("maxUses") ?? "").trim();
          remove.reset();
          update.mutate({ discountCodeId: code.id, maxUses: text ? Number(text) : null });
        }}
      >
        <label htmlFor={limitId} className="sr-only">
          {t("limitOf", { code: code.code })}
        </label>
        <input
          id={limitId}
          name="maxUses"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          placeholder={t("noLimit")}
          defaultValue={code.maxUses ?? ""}
          aria-invalid={update.error ? true : undefined}
          aria-describedby={failure ? errorId : undefined}
          className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-500"
        />
        <button type="submit" disabled={busy} className={`${secondaryButton} whitespace-nowrap`}>
          {t("setLimit")}
        </button>
      </form>
      {failure && (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
          {apiMessage(reasonOf(failure))}
        </p>
      )}
    </div>
  );
}

/** The one sentence that says why: a field's own problem, else the api's message. */
function reasonOf(error: ApiFailure): string {
  const zod = error.data?.zodError;
  const fieldProblem = Object.values(zod?.fieldErrors ?? {}).find((messages) => messages?.[0]);
  return fieldProblem?.[0] ?? zod?.formErrors[0] ?? error.message;
}
