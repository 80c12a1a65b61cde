// Keeps one broken part of the page from blanking the rest: the part shows what failed, the others stay.
import { Component, type ReactNode } from 'react';

interface Props {
  /** What this part is, for the message: "the rig table". */
  part: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <p className="error-text" role="alert">
          Something went wrong in {this.props.part}: {this.state.error.message}. The rest of the page still
          works; reload to retry.
        </p>
      );
    }
    return this.props.children;
  }
}
