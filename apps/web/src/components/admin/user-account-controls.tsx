"use client";
import type { AppErrorDetails } from "@openticket/api";
// One user's role and access, changed from the admin console. Either change ends the user's
// sessions, so it applies from their next request; suspending and unsuspending ask first.
// Refusals are explained in the row, in words an admin can act on.
import type { Role } from "@openticket/db/enums";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";

const ROLES: Role[] = ["ATTENDEE", "ORGANIZER", "ADMIN"];

type Refusal = {
  message: string;
  data?: { code?: string; details?: AppErrorDetails | null } | null;
};

export function UserAccountControls({
  user,
}: {
  user: { id: string; username: string; role: Role; suspended: boolean };
}) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);

  const onSuccess = (message: string) => () => {
    dialog.current?.close();
    setDone(message);
    router.refresh();
  };
  const setUserRole = useMutation(
    trpc.admin.users.setRole.mutationOptions({
      onSuccess: onSuccess(t("roleSaved", { username: user.username })),
    }),
  );
  const suspend = useMutation(
    trpc.admin.users.suspend.mutationOptions({
      onSuccess: onSuccess(t("suspendedDone", { username: user.username })),
    }),
  );
  const unsuspend = useMutation(
    trpc.admin.users.unsuspend.mutationOptions({
      onSuccess: onSuccess(t("unsuspendedDone", { username: user.username })),
    }),
  );
  const access = user.suspended ? unsuspend : suspend;
  const failed = setUserRole.error ?? access.error;
  const busy = setUserRole.isPending || access.isPending;

  function explain(error: Refusal) {
    if (error.data?.details?.reason === "SELF") return t("errors.self");
    switch (error.data?.code) {
      case "NOT_FOUND":
        return t("errors.notFound");
      case "FORBIDDEN":
        return t("errors.forbidden");
      case "CONFLICT":
        return t("errors.conflict");
      default:
        return t("errors.other", { message: error.message });
    }
  }

  function reset() {
    setDone(null);
    setUserRole.reset();
    suspend.reset();
    unsuspend.reset();
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          {t("roleFor", { username: user.username })}
        </label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => {
            reset();
            setRole(event.target.value as Role);
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {tRoles(option)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy || role === user.role}
          onClick={() => {
            reset();
            setUserRole.mutate({ userId: user.id, role });
          }}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300"
        >
          {setUserRole.isPending ? t("working") : t("saveRole")}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            reset();
            dialog.current?.showModal();
          }}
          className={`rounded-md border bg-white px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${
            user.suspended
              ? "border-slate-300 text-slate-800 hover:border-brand-600"
              : "border-red-300 text-red-700 hover:bg-red-50"
          }`}
        >
          {user.suspended ? t("unsuspend") : t("suspend")}
        </button>
      </div>
      {failed && (
        <p role="alert" className="rounded-md bg-red-50 px-2 py-1 text-sm text-red-800">
          {explain(failed)}
        </p>
      )}
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-2 py-1 text-sm text-emerald-900">
          {done}
        </p>
      )}

      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {user.suspended
            ? t("unsuspendTitle", { username: user.username })
            : t("suspendTitle", { username: user.username })}
        </h2>
        <p className="mt-2 text-slate-700">
          {user.suspended ? t("unsuspendExplain") : t("suspendExplain")}
        </p>
        {!user.suspended && (
          <label className="mt-4 flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t("reason")}
            <textarea
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              rows={2}
              className="rounded-md border border-slate-300 px-3 py-2 font-normal"
            />
          </label>
        )}
        {access.error && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-800">
            {explain(access.error)}
          </p>
        )}
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded-md px-4 py-2 text-slate-700 hover:bg-slate-100"
          >
            {t("keep")}
          </button>
          <button
            type="button"
            disabled={access.isPending}
            onClick={() =>
              user.suspended
                ? unsuspend.mutate({ userId: user.id })
                : suspend.mutate({ userId: user.id, reason: reason.trim() || undefined })
            }
            className={`rounded-md px-4 py-2 font-medium text-white disabled:opacity-60 ${
              user.suspended ? "bg-brand-600 hover:bg-brand-700" : "bg-red-600 hover:bg-red-700"
            }`}
          >
            {access.isPending
              ? t("working")
              : user.suspended
                ? t("unsuspendConfirm")
                : t("suspendConfirm")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
