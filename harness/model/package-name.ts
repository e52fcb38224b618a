import { UnsafeValueError } from '../errors/errors';

/**
 * An Android package name that has been validated against the platform's grammar
 * (PackageParser.validateName: dot-separated segments, each `[A-Za-z][A-Za-z0-9_]*`).
 * Only values of this type (and the other validated argument types) may reach `adb shell`.
 */
export type PackageName = string & { readonly __brand: 'PackageName' };

const SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface PackageNameOptions {
  /**
   * Android requires at least one '.' in an application's package name. Shell commands also
   * accept single-word names (CTS passes `none` to `set-ims-service` to bind nothing).
   */
  readonly requireSeparator?: boolean;
}

export function isValidPackageName(value: string, options: PackageNameOptions = {}): boolean {
  const requireSeparator = options.requireSeparator ?? true;
  if (value.length === 0 || value.length > 255) return false;
  const segments = value.split('.');
  if (requireSeparator && segments.length < 2) return false;
  return segments.every((s) => SEGMENT.test(s));
}

/** Validates `value` as a package name or throws UnsafeValueError naming `where`. */
export function parsePackageName(value: string, where = 'package', options: PackageNameOptions = {}): PackageName {
  if (!isValidPackageName(value, options)) {
    throw new UnsafeValueError(`${where}: ${JSON.stringify(value)} is not a valid Android package name`, { field: where });
  }
  return value as PackageName;
}

/** A Java class name as a manifest writes it: `.ImsService` or `com.x.ImsService`. */
const CLASS_SEGMENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isValidClassName(value: string): boolean {
  const body = value.startsWith('.') ? value.slice(1) : value;
  return body.length > 0 && body.split('.').every((s) => CLASS_SEGMENT.test(s));
}

/** Resolves a manifest class name against its package (".ImsService" -> "com.x.ImsService"). */
export function qualifyClassName(pkg: string, className: string): string {
  if (className.startsWith('.')) return pkg + className;
  return className.includes('.') ? className : `${pkg}.${className}`;
}
