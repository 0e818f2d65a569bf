// Class names the consoles' buttons, inputs and cards share.
export const primaryButton =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300";
export const secondaryButton =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:border-brand-600 disabled:opacity-60";
export const dangerButton =
  "inline-flex items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60";
export const fieldLabel = "flex flex-col gap-1 text-sm font-medium text-slate-700";
export const fieldInput =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal text-slate-900 aria-invalid:border-red-500";
export const card = "rounded-xl border border-slate-200 bg-white p-4 sm:p-6";
