// While an organizer page loads: its place held by a skeleton, under the sub-navigation.
import { ConsoleLoading } from "~/components/console-loading";

export default function OrganizerLoading() {
  return <ConsoleLoading namespace="organizer" rows={5} />;
}
