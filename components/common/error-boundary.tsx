/**
 * Keeps one failure from blanking the panel. React unmounts the whole tree when a render throws
 * and nothing catches it; the panel then reopens the same conversation, blank again, with no way
 * back. A boundary around each message and each surface shows its fallback instead, and tries
 * again when its reset keys change (the message's new text, another conversation).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** What failed, for the console ("message", "chat view"). */
  label: string;
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** Any change here (compared item by item) clears the error and renders the children again. */
  resetKeys?: readonly unknown[];
  children: ReactNode;
}

interface State {
  error: Error | null;
  keys: readonly unknown[] | undefined;
}

function changed(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length !== b.length || a.some((value, i) => !Object.is(value, b[i]));
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    if (!changed(props.resetKeys, state.keys)) return null;
    return { error: null, keys: props.resetKeys };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Parley: the ${this.props.label} failed to render`, error, info.componentStack);
  }

  private retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    return error ? this.props.fallback(error, this.retry) : this.props.children;
  }
}
