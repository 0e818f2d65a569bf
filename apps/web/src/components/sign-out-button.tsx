"use client";
// Signs out in one click (next-auth's POST with its CSRF token), from the header or /sign-out.
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({
  label,
  className = "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60",
}: {
  label: string;
  className?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
      className={className}
    >
      {label}
    </button>
  );
}
