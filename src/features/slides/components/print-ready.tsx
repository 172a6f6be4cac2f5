"use client";

import { useEffect } from "react";

/** Marks the page ready to print once every font is loaded (the PDF renderer waits for it). */
export function PrintReady() {
  useEffect(() => {
    let live = true;
    document.fonts.ready.then(() => {
      if (live) document.body.dataset.printReady = "1";
    });
    return () => {
      live = false;
    };
  }, []);
  return null;
}
