/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

/** The app's version (package.json, and a build id when there is one). */
declare const __APP_VERSION__: string;
