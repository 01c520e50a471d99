declare module 'wink-porter2-stemmer' {
  /** Porter2 ("English") stemmer: expects one lower-case word. */
  export default function stem(word: string): string;
}
