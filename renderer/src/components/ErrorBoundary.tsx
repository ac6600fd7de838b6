import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Shows what went wrong instead of a blank window, with a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fatal" role="alert">
        <h1>Glossa ran into a problem</h1>
        <p>Your annotations are saved as you make them; nothing has been lost.</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload Glossa
        </button>
      </div>
    );
  }
}
