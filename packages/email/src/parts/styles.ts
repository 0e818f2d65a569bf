// The messages' look in one place: inline styles, because mail clients drop <style> blocks.
import type { CSSProperties } from "react";

export const colors = {
  ink: "#111827",
  muted: "#6b7280",
  line: "#e5e7eb",
  accent: "#4f46e5",
  page: "#f3f4f6",
  highlight: "#fef3c7",
  warning: "#b45309",
};

const font =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif";

export const styles = {
  body: { backgroundColor: colors.page, fontFamily: font, margin: 0, padding: "24px 0" },
  container: {
    backgroundColor: "#ffffff",
    borderRadius: 8,
    maxWidth: 600,
    margin: "0 auto",
    overflow: "hidden",
  },
  header: { backgroundColor: colors.accent, padding: "18px 32px" },
  brand: { color: "#ffffff", fontSize: 20, fontWeight: 700, margin: 0 },
  content: { padding: "8px 32px 24px" },
  heading: { color: colors.ink, fontSize: 22, fontWeight: 700, margin: "20px 0 8px" },
  subheading: { color: colors.ink, fontSize: 17, fontWeight: 700, margin: "24px 0 8px" },
  text: { color: colors.ink, fontSize: 15, lineHeight: "24px", margin: "10px 0" },
  small: { color: colors.muted, fontSize: 13, lineHeight: "20px", margin: "8px 0" },
  label: {
    color: colors.muted,
    fontSize: 12,
    letterSpacing: "0.02em",
    margin: 0,
    textTransform: "uppercase",
  },
  value: { color: colors.ink, fontSize: 15, lineHeight: "22px", margin: "2px 0 10px" },
  button: {
    backgroundColor: colors.accent,
    borderRadius: 6,
    color: "#ffffff",
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 22px",
    textDecoration: "none",
  },
  secondaryButton: {
    border: `1px solid ${colors.accent}`,
    borderRadius: 6,
    color: colors.accent,
    fontSize: 15,
    fontWeight: 600,
    padding: "11px 21px",
    textDecoration: "none",
  },
  link: { color: colors.accent, wordBreak: "break-all" },
  hr: { borderColor: colors.line, margin: "20px 0" },
  footer: { padding: "0 32px 20px" },
} satisfies Record<string, CSSProperties>;
