/** @jsxRuntime automatic @jsxImportSource react */
// One clear action, and the same link in text for clients that hide buttons or readers who
// would rather paste it.
import { Button, Link, Section, Text } from "@react-email/components";
import type { Catalogue } from "../catalogue/index.ts";
import { styles } from "./styles.ts";

export function ActionButton(props: {
  href: string;
  label: string;
  t: Catalogue;
  /** A second, lesser action beside the main one. */
  secondary?: boolean;
}) {
  return (
    <Section style={{ margin: "20px 0" }}>
      <Button href={props.href} style={props.secondary ? styles.secondaryButton : styles.button}>
        {props.label}
      </Button>
      <Text style={styles.small}>
        {props.t.common.linkFallback}
        <br />
        <Link href={props.href} style={styles.link}>
          {props.href}
        </Link>
      </Text>
    </Section>
  );
}
