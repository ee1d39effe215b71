import type { MetadataRoute } from "next";

/** Web app manifest: OmniCRM installs to a phone's home screen and opens like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "OmniCRM",
    short_name: "OmniCRM",
    description: "The client base for solo wellness practitioners.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#FAF8F5",
    theme_color: "#4F7A64",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
