"use client";
import { ConsoleError } from "~/components/console-error";

export default ConsoleError;
