// While an admin page loads: a skeleton of a table, under the sub-navigation.
import { ConsoleLoading } from "~/components/console-loading";

export default function AdminLoading() {
  return <ConsoleLoading namespace="admin" rows={6} />;
}
