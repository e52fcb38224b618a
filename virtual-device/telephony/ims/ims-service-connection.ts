import { type ImsServiceBinder, type ServiceConnection } from './binder';
import { type ComponentName } from './component-name';
import type { ImsServiceController } from './ims-service-controller';

/** ImsServiceController.ImsServiceConnection: hops every callback onto the controller's handler. */
export class ImsServiceConnection implements ServiceConnection {
  isServiceConnectionDead = false;

  constructor(private readonly controller: ImsServiceController) {}

  onServiceConnected(name: ComponentName, binder: ImsServiceBinder): void {
    this.controller.postToHandler('onServiceConnected', () => this.controller.onServiceConnectedInternal(name, binder));
  }

  onServiceDisconnected(name: ComponentName): void {
    this.controller.postToHandler('onServiceDisconnected', () => this.controller.onServiceDisconnectedInternal(name));
  }

  onBindingDied(name: ComponentName): void {
    this.controller.postToHandler('onBindingDied', () => this.controller.onBindingDiedInternal(name, this));
  }

  onNullBinding(name: ComponentName): void {
    this.controller.postToHandler('onNullBinding', () => this.controller.onNullBindingInternal(name, this));
  }
}
