// The wizard's English words, read from the locale files the renderer bundles, so that the
// benchmark finds headings and buttons by what a person sees without repeating the strings.
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Tree = { readonly [key: string]: Tree | string };

export type WizardText = (ns: string, key: string) => string;

export function englishText(root: string): WizardText {
  const cache = new Map<string, Tree>();
  return (ns, key) => {
    let tree = cache.get(ns);
    if (!tree) {
      tree = JSON.parse(readFileSync(path.join(root, 'assets/locales/en', `${ns}.json`), 'utf8')) as Tree;
      cache.set(ns, tree);
    }
    let node: Tree | string | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`assets/locales/en/${ns}.json has no string at ${key}`);
    return node;
  };
}
