import type { ReactNode } from 'react';
import { MenuButton } from '../components/MenuButton';
import { keyShortcutProps, shortcutLabel } from '../shortcuts';
import { screens, type Screen } from './screens';

interface TopBarProps {
  screen: Screen;
  /** The report open in the reader, if any. */
  openTitle: string | null;
  showScreen(screen: Screen): void;
  backToReport(): void;
  importFiles(mode: 'files' | 'folder'): void;
  importClipboard(): void;
  importAnnotations(): void;
  showDetails(): void;
  exportAnnotations(): void;
  /** The team sync indicator (renderer/src/team/). */
  teamIndicator?: ReactNode;
}

/** The screens, the open report's name, and the import and export actions. */
export function TopBar(props: TopBarProps) {
  const { screen, openTitle } = props;
  return (
    <header className="topbar">
      <nav aria-label="Main">
        <span className="brand">Glossa</span>
        {screens.map((s) => {
          const current = screen === s.id && !(s.id === 'library' && openTitle !== null);
          return (
            <button
              key={s.id}
              type="button"
              className={`nav-tab${screen === s.id ? ' current' : ''}`}
              onClick={() => props.showScreen(s.id)}
              aria-current={current ? 'page' : undefined}
              title={`${s.name} (${shortcutLabel(s.command)})`}
              {...keyShortcutProps(s.command)}
            >
              {s.name}
            </button>
          );
        })}
        {openTitle !== null &&
          (screen === 'library' ? (
            <span className="crumb" aria-current="page">
              {openTitle}
            </span>
          ) : (
            <button type="button" className="crumb crumb-button" onClick={props.backToReport} title="Back to the open report">
              {openTitle}
            </button>
          ))}
      </nav>
      <div className="actions">
        {props.teamIndicator}
        <MenuButton
          label="Import"
          items={[
            { label: 'Files…', command: 'import', title: 'HTML, PDF, DOCX, text, Markdown', run: () => props.importFiles('files') },
            { label: 'Folder…', command: 'import-folder', title: 'Every report in a folder and its subfolders', run: () => props.importFiles('folder') },
            { label: 'From clipboard', command: 'import-clipboard', title: 'A new report from what you copied', run: props.importClipboard },
            { label: 'Annotated data…', title: 'doccano, Label Studio, brat, W3C Web Annotation, Glossa archive', run: props.importAnnotations },
          ]}
        />
        {openTitle !== null && screen === 'library' && (
          <button type="button" onClick={props.showDetails} title="Title, outlet, author, date, URL, tags">
            Details…
          </button>
        )}
        <button type="button" onClick={props.exportAnnotations} title={`Export annotations (${shortcutLabel('export')})`} {...keyShortcutProps('export')}>
          Export…
        </button>
      </div>
    </header>
  );
}
