/**
 * The one money format, for every layer that writes an amount for people (plan text, the web pages, the PDF,
 * the chat client's plan card): en-US grouping and always cents, "$1,999.68 of $2,000.00". No imports, so
 * the browser bundle can take it too.
 */
export const money = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
