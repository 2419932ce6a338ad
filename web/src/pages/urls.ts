/** The path of one of the server's absolute URLs, for a link or an image inside the app. */
export const pathOf = (url: string) => new URL(url).pathname;
