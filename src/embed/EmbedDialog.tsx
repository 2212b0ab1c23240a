/**
 * The explorer's Embed dialog: the current points and settings as an <iframe> snippet and as a
 * <gp-sensitivity> snippet, ready to paste into an article. The explorer shows it from a button:
 *
 *     import { EmbedButton } from './EmbedDialog';
 *     <EmbedButton />   // inside the explorer's StoreContext
 */
import './embed-dialog.css';
import { useId, useState } from 'react';
import { DialogButton } from '../ui/controls/DialogButton';
import { useExplorer } from '../ui/context';
import { useI18n } from '../ui/i18n';
import type { UiMessageKey } from '../i18n/messages';
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

const PANEL_LABELS: Record<EmbedPanel, UiMessageKey> = {
  controls: 'embedPanelControls',
  readout: 'embedPanelReadout',
  status: 'embedPanelStatus',
};

const THEME_LABELS: Record<EmbedTheme, UiMessageKey> = {
  auto: 'embedThemeAuto',
  light: 'embedThemeLight',
  dark: 'embedThemeDark',
};

/** One snippet with its copy button. */
function Snippet({ label, text, testId }: { label: string; text: string; testId: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const id = useId();
  const { t } = useI18n();
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
          {copied === null ? t('copy') : copied ? t('copied') : t('selectAndCopy')}
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
  const { t, language } = useI18n();
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
        <legend>{t('embedShow')}</legend>
        {EMBED_PANELS.map((panel) => (
          <label key={panel} className="toggle">
            <input
              type="checkbox"
              checked={panels.includes(panel)}
              onChange={(event) => togglePanel(panel, event.target.checked)}
            />
            {t(PANEL_LABELS[panel])}
          </label>
        ))}
        <label className="toggle">
          {t('embedHeight')}
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
          {t('embedPixels')}
        </label>
        <label className="toggle">
          {t('embedTheme')}
          <select
            className="select"
            value={theme}
            onChange={(event) => setTheme(event.target.value as EmbedTheme)}
          >
            {EMBED_THEMES.map((name) => (
              <option key={name} value={name}>
                {t(THEME_LABELS[name])}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <Snippet
        label={t('embedAsIframe')}
        text={iframeSnippet(config, page, language)}
        testId="embed-iframe-snippet"
      />
      <Snippet
        label={t('embedAsElement')}
        text={elementSnippet(config, script, language)}
        testId="embed-element-snippet"
      />
      <p className="embed-note">{t('embedNote')}</p>
    </>
  );
}

/** A button that opens the Embed dialog. */
export function EmbedButton() {
  const { t } = useI18n();
  return (
    <DialogButton
      label={t('embedButton')}
      title={t('embedDialogTitle')}

      buttonClass="authoring"
      buttonTestId="embed"
      dialogTestId="embed-dialog"
    >
      <EmbedChoices />
    </DialogButton>
  );
}
