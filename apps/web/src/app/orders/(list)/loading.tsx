// The list's loading state only: a loading boundary above orders/[id] would stream a 200 shell
// before that page's notFound() or sign-in redirect, which then could not answer 404 or 307.
export { default } from "~/components/page-loading";
