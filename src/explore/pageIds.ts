// Names shared by the page's HTML (written in Node) and its script (run in the browser).

export const APP_SCRIPT_ID = 'persim-app';
export const DATA_SCRIPT_ID = 'persim-data';
export const BROWSER_FONT = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
