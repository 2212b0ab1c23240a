/**
 * The Lesson link dialog, beside Share: the current points and settings as a link that hides the
 * parts the lecturer ticks and shows their title and caption at the top (state/lesson.ts).
 */
import '../../embed/embed-dialog.css';
import { useId, useState } from 'react';
import { DialogButton } from './DialogButton';
import {
  encodeSharedState,
  LESSON_CAPTION_MAX,
  LESSON_PARTS,
  LESSON_TITLE_MAX,
  type LessonPart,
} from '../../state';
import type { UiMessageKey } from '../../i18n/messages';
import { useExplorer } from '../context';
import { useI18n } from '../i18n';

const PART_LABELS: Record<LessonPart, UiMessageKey> = {
  controls: 'lessonPartControls',
  readout: 'lessonPartReadout',
  curve: 'lessonPartCurve',
  landscape: 'lessonPartLandscape',
  prediction: 'lessonPartPrediction',
  check: 'lessonPartCheck',
  legend: 'lessonPartLegend',
  math: 'lessonPartMath',
  about: 'lessonPartAbout',
  rules: 'lessonPartRules',
};

/** The link for the page's state with `lesson`, keeping the page's address and `?lang=`. */
function lessonLink(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${fragment}`;
}

/** The dialog's body: what to hide, the title and caption, and the link with its copy button. */
function LessonChoices() {
  const { t } = useI18n();
  const points = useExplorer((s) => s.points);
  const kernel = useExplorer((s) => s.kernel);
  const options = useExplorer((s) => s.options);
  const current = useExplorer((s) => s.lesson);
  const [hide, setHide] = useState<readonly LessonPart[]>(current.hide);
  const [title, setTitle] = useState(current.title);
  const [caption, setCaption] = useState(current.caption);
  const [copied, setCopied] = useState<boolean | null>(null);
  const titleId = useId();
  const captionId = useId();
  const linkId = useId();
  const link = lessonLink(
    encodeSharedState({ points, kernel, options, lesson: { hide, title, caption } }),
  );
  const toggle = (part: LessonPart, on: boolean) => {
    setHide(LESSON_PARTS.filter((p) => (p === part ? on : hide.includes(p))));
    setCopied(null);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <p className="embed-note">{t('lessonIntro')}</p>
      <fieldset className="embed-choices lesson-parts" data-testid="lesson-parts">
        <legend>{t('lessonHide')}</legend>
        {LESSON_PARTS.map((part) => (
          <label key={part} className="toggle">
            <input
              type="checkbox"
              checked={hide.includes(part)}
              onChange={(event) => toggle(part, event.target.checked)}
              data-part={part}
            />
            {t(PART_LABELS[part])}
          </label>
        ))}
      </fieldset>
      <div className="lesson-field">
        <label htmlFor={titleId}>
          {t('lessonTitleLabel')}{' '}
          <span className="lesson-limit">({t('lessonLimit', { count: LESSON_TITLE_MAX })})</span>
        </label>
        <input
          id={titleId}
          type="text"
          maxLength={LESSON_TITLE_MAX}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            setCopied(null);
          }}
          data-testid="lesson-title-input"
        />
      </div>
      <div className="lesson-field">
        <label htmlFor={captionId}>
          {t('lessonCaptionLabel')}{' '}
          <span className="lesson-limit">({t('lessonLimit', { count: LESSON_CAPTION_MAX })})</span>
        </label>
        <textarea
          id={captionId}
          rows={3}
          maxLength={LESSON_CAPTION_MAX}
          value={caption}
          onChange={(event) => {
            setCaption(event.target.value);
            setCopied(null);
          }}
          data-testid="lesson-caption-input"
        />
      </div>
      <div className="embed-snippet">
        <div className="embed-snippet-head">
          <label htmlFor={linkId}>{t('lessonLinkLabel')}</label>
          <button
            type="button"
            className="button"
            onClick={() => void copy()}
            data-testid="lesson-copy"
          >
            {copied === null ? t('copy') : copied ? t('copied') : t('selectAndCopy')}
          </button>
        </div>
        <textarea
          id={linkId}
          readOnly
          rows={3}
          value={link}
          onFocus={(event) => event.target.select()}
          data-testid="lesson-link"
        />
      </div>
    </>
  );
}

/** A button that opens the Lesson link dialog. */
export function LessonButton() {
  const { t } = useI18n();
  return (
    <DialogButton
      label={t('lessonButton')}
      title={t('lessonDialogTitle')}
      dialogClass="lesson-dialog"
      buttonClass="authoring"
      buttonTestId="lesson-button"
      dialogTestId="lesson-dialog"
    >
      <LessonChoices />
    </DialogButton>
  );
}
