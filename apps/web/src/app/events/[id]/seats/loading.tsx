// The seat map's loading state. Not for the whole event segment: a loading boundary streams a 200
// shell first, so checkout's sign-in redirect would arrive as a page instead of a 307.
export { default } from "~/components/page-loading";
