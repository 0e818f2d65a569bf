import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import "./style.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The app keeps itself for offline use (public/sw.js); not under Vite's dev server (which has
// import.meta.hot), where modules are served one by one.
if (!import.meta.hot && "serviceWorker" in navigator) {
  void navigator.serviceWorker.register("/sw.js");
}
