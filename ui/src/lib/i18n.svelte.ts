// Every visible string comes from ./i18n/<lang>/<area>.json. Dutch is the default.
import nl from "./i18n/nl";
import en from "./i18n/en";
import type { Lang } from "./bindings/Lang";

export type { Lang };

type Dictionary = { [key: string]: string | Dictionary };

// Dot paths into the Dutch file, so svelte-check rejects a key that does not exist.
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
export type Key = Paths<typeof nl>;

export const dictionaries: Record<Lang, Dictionary> = { nl, en };

let current = $state<Lang>("nl");

export const i18n = {
  get lang(): Lang {
    return current;
  },
  set lang(lang: Lang) {
    current = lang;
    document.documentElement.lang = lang;
  },
};

function lookup(dict: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dict;
  for (const part of key.split(".")) {
    if (typeof node !== "object") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The text for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  return tr(key, params);
}

/** Like `t`, for keys built at run time (error codes, roles); unknown keys give `undefined`. */
export function tOptional(key: string, params: Record<string, string | number> = {}): string | undefined {
  const text = lookup(dictionaries[current], key);
  return text === undefined ? undefined : fill(text, params);
}

function tr(key: string, params: Record<string, string | number>): string {
  return tOptional(key, params) ?? key;
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** All dot paths in a dictionary, for the test that both languages say everything. */
export function keysOf(dict: Dictionary, prefix = ""): string[] {
  return Object.entries(dict).flatMap(([k, v]) =>
    typeof v === "string" ? [prefix + k] : keysOf(v, `${prefix}${k}.`),
  );
}
