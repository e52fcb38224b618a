/**
 * What an app's code (the classes its DEX defines, PackageInfo.codeClasses) lets ActivityThread
 * do with a component: instantiate its class (handleCreateService / handleReceiver load it by name
 * from the APK's class loader and cast it to the framework type) and which framework class it is.
 * A class the DEX does not define is a ClassNotFoundException, a class that is not a Service a
 * ClassCastException; either way the app process dies on start (AndroidRuntime FATAL EXCEPTION)
 * and the component never runs. Pure.
 *
 * An APK without any DEX is a manifest-only fixture: on a device its components fail the same
 * way; the reference device's default profile simulates them instead (`simulateCodeless`), which
 * keeps the AOSP test apps known by package (known-test-apps.ts) and hand-made test APKs working.
 */
import { IMS_COMPAT_SERVICE_ACTION, IMS_SERVICE_ACTION } from '../../harness/model/ims-app';

/** Framework classes app components extend, and the ImsService action each ImsService base answers. */
export const FRAMEWORK_SERVICE = 'android.app.Service';
export const FRAMEWORK_RECEIVER = 'android.content.BroadcastReceiver';
const IMS_SERVICE_BASES: Readonly<Record<string, string>> = {
  'android.telephony.ims.ImsService': IMS_SERVICE_ACTION,
  'android.telephony.ims.compat.ImsService': IMS_COMPAT_SERVICE_ACTION,
};
/** Framework classes known to be Services or receivers (what a class chain may end in). */
const SERVICES = new Set([FRAMEWORK_SERVICE, ...Object.keys(IMS_SERVICE_BASES)]);
const RECEIVERS = new Set([FRAMEWORK_RECEIVER]);

export type Code = ReadonlyMap<string, string | null>;

/** The first class of `className`'s superclass chain that the DEX does not define (a framework class). */
export function frameworkBase(code: Code, className: string): string | null {
  let current: string | null = className;
  for (let depth = 0; current !== null && code.has(current) && depth < 64; depth++) current = code.get(current) ?? null;
  return current;
}

export interface ClassProblem {
  readonly javaClass: 'java.lang.ClassNotFoundException' | 'java.lang.ClassCastException';
  readonly message: string;
}

function problem(code: Code | null | undefined, className: string, codePath: string, bases: ReadonlySet<string>, baseName: string, simulateCodeless: boolean): ClassProblem | undefined {
  if (code === undefined || (code === null && simulateCodeless)) return undefined;
  if (code === null || !code.has(className)) {
    return { javaClass: 'java.lang.ClassNotFoundException', message: `Didn't find class "${className}" on path: DexPathList[[zip file "${codePath}"],nativeLibraryDirectories=[/system/lib64, /system_ext/lib64]]` };
  }
  const base = frameworkBase(code, className);
  if (base === null || !bases.has(base)) return { javaClass: 'java.lang.ClassCastException', message: `${className} cannot be cast to ${baseName}` };
  return undefined;
}

/** Why instantiating the service class fails, or undefined when it loads (or is simulated). */
export function serviceClassProblem(code: Code | null | undefined, className: string, codePath: string, simulateCodeless: boolean): ClassProblem | undefined {
  return problem(code, className, codePath, SERVICES, FRAMEWORK_SERVICE, simulateCodeless);
}

/** Why instantiating the receiver class fails, or undefined when it loads (or is simulated). */
export function receiverClassProblem(code: Code | null | undefined, className: string, codePath: string, simulateCodeless: boolean): ClassProblem | undefined {
  return problem(code, className, codePath, RECEIVERS, FRAMEWORK_RECEIVER, simulateCodeless);
}

/**
 * The action whose bind the service's code answers with a binder (ImsService#onBind and the compat
 * one compare the intent's action with their SERVICE_INTERFACE), or undefined when the code does
 * not say (no DEX, or a plain Service: then the manifest's intent filter decides).
 */
export function boundAction(code: Code | null | undefined, className: string): string | undefined {
  if (code === null || code === undefined) return undefined;
  const base = frameworkBase(code, className);
  return base === null ? undefined : IMS_SERVICE_BASES[base];
}

/** Whether the class is `target` or extends it inside the DEX. */
export function isOrExtends(code: Code | null | undefined, className: string, target: string): boolean {
  let current: string | null = className;
  for (let depth = 0; current !== null && depth < 64; depth++) {
    if (current === target) return true;
    if (code === null || code === undefined || !code.has(current)) return false;
    current = code.get(current) ?? null;
  }
  return false;
}
