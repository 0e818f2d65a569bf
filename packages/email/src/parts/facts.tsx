/** @jsxRuntime automatic @jsxImportSource react */
// Labelled values, one under the other: a receipt's lines.
import { Section, Text } from "@react-email/components";
import { styles } from "./styles.ts";

export function Facts(props: { facts: [label: string, value: string][] }) {
  return (
    <Section style={{ margin: "12px 0" }}>
      {props.facts.map(([label, value]) => (
        <div key={label}>
          <Text style={styles.label}>{label}</Text>
          <Text style={styles.value}>{value}</Text>
        </div>
      ))}
    </Section>
  );
}
