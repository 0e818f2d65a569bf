// What the global setup hands to every test file through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the server's maintenance database (`postgres`), for CREATE/DROP DATABASE. */
    testServerUrl: string;
    /** A migrated, empty database to clone with CREATE DATABASE … TEMPLATE. */
    testTemplateDatabase: string;
  }
}

export {};
