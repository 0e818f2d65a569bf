"use client";
// Who may scan an event's tickets in the check-in app besides its organizer (checkin.staff.*):
// invited by the e-mail address of their OpenTicket account, and removed again. The api answers
// each change with the whole list, which replaces the cached one.
import type { RouterOutputs } from "@openticket/api";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { dangerButton, fieldInput, fieldLabel, primaryButton } from "~/components/ui/styles";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";
import type { ApiFailure } from "./mutation-error";

type Staff = RouterOutputs["checkin"]["staff"]["list"];

export function DoorStaff({ eventId }: { eventId: string }) {
  const t = useTranslations("organizer.checkIn.staff");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiMessage = useApiMessage();
  const errorId = useId();
  const [email, setEmail] = useState("");
  const { data: staff } = useSuspenseQuery(trpc.checkin.staff.list.queryOptions({ eventId }));
  const replaceList = (list: Staff) =>
    queryClient.setQueryData(trpc.checkin.staff.list.queryKey({ eventId }), list);
  const invite = useMutation(
    trpc.checkin.staff.invite.mutationOptions({
      onSuccess: (list) => {
        replaceList(list);
        setEmail("");
      },
    }),
  );
  const remove = useMutation(trpc.checkin.staff.remove.mutationOptions({ onSuccess: replaceList }));
  const inviteError = invite.error ? reasonOf(invite.error) : null;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <form
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          invite.mutate({ eventId, email });
        }}
      >
        <label className={`${fieldLabel} sm:w-80`}>
          {t("email")}
          <input
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            value={email}
            onChange={(changed) => setEmail(changed.target.value)}
            aria-invalid={inviteError ? true : undefined}
            aria-describedby={inviteError ? errorId : undefined}
            className={fieldInput}
          />
        </label>
        <button type="submit" disabled={invite.isPending} className={primaryButton}>
          {invite.isPending ? t("inviting") : t("invite")}
        </button>
      </form>
      {inviteError && (
        <p
          id={errorId}
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {apiMessage(inviteError)}
        </p>
      )}
      {remove.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {apiMessage(reasonOf(remove.error))}
        </p>
      )}
      {staff.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <ul
          aria-label={t("title")}
          data-testid="door-staff"
          className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
        >
          {staff.map((person) => (
            <li
              key={person.id}
              data-testid="door-staff-member"
              className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between sm:px-4"
            >
              <div className="flex min-w-0 flex-col text-sm">
                <span className="font-medium wrap-anywhere">{person.displayName}</span>
                <span className="text-slate-600 wrap-anywhere">{person.email}</span>
              </div>
              <button
                type="button"
                disabled={remove.isPending}
                aria-label={t("removePerson", { name: person.displayName })}
                onClick={() => remove.mutate({ eventId, userId: person.id })}
                className={`${dangerButton} shrink-0 self-start sm:self-center`}
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The one sentence that says why: the field's own problem for a malformed address. */
function reasonOf(error: ApiFailure): string {
  const zod = error.data?.zodError;
  return zod?.fieldErrors.email?.[0] ?? zod?.formErrors[0] ?? error.message;
}
