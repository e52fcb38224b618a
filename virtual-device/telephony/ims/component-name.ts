/** android.content.ComponentName: package + fully qualified class. */
import { javaStringHash } from '../java/java-hash';

export interface ComponentName {
  readonly packageName: string;
  readonly className: string;
}

export function componentName(packageName: string, className: string): ComponentName {
  return { packageName, className };
}

/** ComponentName.hashCode(): mPackage.hashCode() + mClass.hashCode(). */
export function componentHash(cn: ComponentName): number {
  return (javaStringHash(cn.packageName) + javaStringHash(cn.className)) | 0;
}

export function componentKey(cn: ComponentName): string {
  return `${cn.packageName}/${cn.className}`;
}

/** ComponentName.toString(): `ComponentInfo{com.x/com.x.ImsService}`. */
export function componentToString(cn: ComponentName): string {
  return `ComponentInfo{${cn.packageName}/${cn.className}}`;
}

export function sameComponent(a: ComponentName, b: ComponentName): boolean {
  return a.packageName === b.packageName && a.className === b.className;
}
