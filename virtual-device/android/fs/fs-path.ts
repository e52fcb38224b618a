/** Path helpers for the device's POSIX paths (never the host's `path` module: the host may be Windows). */

/** Splits an absolute or relative path into its non-empty components. */
export function pathComponents(path: string): string[] {
  return path.split('/').filter((c) => c.length > 0 && c !== '.');
}

/**
 * Resolves `path` against `cwd` and removes `.`, `..` and repeated slashes, like realpath without
 * following symlinks. `..` at the root stays at the root, as in the kernel.
 */
export function normalizePath(path: string, cwd = '/'): string {
  const base = path.startsWith('/') ? [] : pathComponents(cwd);
  for (const component of pathComponents(path)) {
    if (component === '..') base.pop();
    else base.push(component);
  }
  return '/' + base.join('/');
}

export function dirname(path: string): string {
  const normalized = normalizePath(path);
  const index = normalized.lastIndexOf('/');
  return index <= 0 ? '/' : normalized.slice(0, index);
}

export function basename(path: string): string {
  const components = pathComponents(path);
  return components[components.length - 1] ?? '/';
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Whether `path` is `prefix` or lies below it (both normalised). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}
