/**
 * The explorer's Embed dialog: the current points and settings as an <iframe> snippet and as a
 * <gp-sensitivity> snippet, ready to paste into an article. The explorer shows it from a button:
 *
 *     import { EmbedButton } from '../embed/EmbedDialog';
 *     <EmbedButton />   // inside the explorer's StoreContext
 */
import './embed-dialog.css';
import { useId, useRef, useState } from 'react';
import { useExplorer } from '../ui/context';
import {
  defaultEmbedConfig,
  EMBED_HEIGHT_RANGE,
  EMBED_PANELS,
  EMBED_THEMES,
  type EmbedConfig,
  type EmbedPanel,
  type EmbedTheme,
} from './options';
import { elementSnippet, iframeSnippet } from './snippets';

const PANEL_LABELS: Record<EmbedPanel, string> = {
  controls: 'controls',
  readout: 'θ̂ readout',
  status: 'trust note',
};

/** One snippet with its copy button. */
function Snippet({ label, text, testId }: { label: string; text: string; testId: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="embed-snippet">
      <div className="embed-snippet-head">
        <label htmlFor={id}>{label}</label>
        <button type="button" className="button" onClick={() => void copy()}>
          {copied === null ? 'Copy' : copied ? 'Copied' : 'Select and copy'}
        </button>
      </div>
      <textarea
        id={id}
        readOnly
        rows={text.split('\n').length}
        value={text}
        onFocus={(event) => event.target.select()}
        data-testid={testId}
      />
    </div>
  );
}

/** The dialog's body: layout choices and the two snippets for the explorer's current state. */
function EmbedChoices() {
  const points = useExplorer((s) => s.points);
  const kernel = useExplorer((s) => s.kernel);
  const options = useExplorer((s) => s.options);
  const [panels, setPanels] = useState<readonly EmbedPanel[]>(defaultEmbedConfig().panels);
  const [height, setHeight] = useState(320);
  const [theme, setTheme] = useState<EmbedTheme>('auto');
  const config: EmbedConfig = {
    points,
    kernel,
    hyperparameter: options.hyperparameter,
    arrows: options.arrowMode,
    band: options.showBand,
    panels,
    height,
    theme,
  };
  const page = new URL('embed.html', window.location.href);
  const script = new URL('gp-sensitivity.js', window.location.href);
  const togglePanel = (panel: EmbedPanel, on: boolean) =>
    setPanels(EMBED_PANELS.filter((p) => (p === panel ? on : panels.includes(p))));

  return (
    <>
      <fieldset className="embed-choices">
        <legend>Show</legend>
        {EMBED_PANELS.map((panel) => (
          <label key={panel} className="toggle">
            <input
              type="checkbox"
              checked={panels.includes(panel)}
              onChange={(event) => togglePanel(panel, event.target.checked)}
            />
            {PANEL_LABELS[panel]}
          </label>
        ))}
        <label className="toggle">
          plot height
          <input
            type="number"
            min={EMBED_HEIGHT_RANGE[0]}
            max={EMBED_HEIGHT_RANGE[1]}
            step={10}
            value={height}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (value >= EMBED_HEIGHT_RANGE[0] && value <= EMBED_HEIGHT_RANGE[1])
                setHeight(value);
            }}
            data-testid="embed-height"
          />
          px
        </label>
        <label className="toggle">
          theme
          <select
            className="select"
            value={theme}
            onChange={(event) => setTheme(event.target.value as EmbedTheme)}
          >
            {EMBED_THEMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <Snippet
        label="As an iframe (any page)"
        text={iframeSnippet(config, page)}
        testId="embed-iframe-snippet"
      />
      <Snippet
        label="As an element (pages that allow a script)"
        text={elementSnippet(config, script)}
        testId="embed-element-snippet"
      />
      <p className="embed-note">
        Both show the points and settings you see now. Readers can drag the points; their changes
        stay on their screen.
      </p>
    </>
  );
}

/** A button that opens the Embed dialog. */
export function EmbedButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        data-testid="embed"
        aria-haspopup="dialog"
      >
        <span className="button-text">Embed</span>
      </button>
      <dialog
        ref={dialog}
        className="embed-dialog"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        data-testid="embed-dialog"
      >
        <form method="dialog" className="embed-dialog-head">
          <h2 id={titleId}>Embed this figure</h2>
          <button type="submit" className="button quiet" aria-label="Close">
            ✕
          </button>
        </form>
        {open && <EmbedChoices />}
      </dialog>
    </>
  );
}
