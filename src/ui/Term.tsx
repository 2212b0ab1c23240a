import { memo, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { glossaryEntry } from './explorerText';
import type { GlossaryTerm } from './glossary';
import { useI18n } from './i18n';

/**
 * A technical term with its plain-language explanation (glossary.ts) behind a small ⓘ button:
 * a real button (keyboard, mouse, touch) with `aria-expanded`, whose note opens beside the term
 * and closes on a second press, Escape or a press elsewhere. `above` opens it upward, for terms
 * near the bottom of a card that clips.
 */
export const Term = memo(function Term({
  id,
  children,
  above = false,
}: {
  id: GlossaryTerm;
  children?: ReactNode;
  above?: boolean;
}) {
  const { t, language } = useI18n();
  const entry = glossaryEntry(id, language);
  const [open, setOpen] = useState(false);
  const noteId = `term-${useId().replace(/:/g, '')}`;
  const root = useRef<HTMLSpanElement>(null);
  const note = useRef<HTMLSpanElement>(null);
  const [shift, setShift] = useState(0);

  // Keep the open note on screen: shift it sideways by what would overflow the viewport. It
  // opens unshifted (closing resets the shift), so one measurement after opening suffices.
  useLayoutEffect(() => {
    if (!open || !note.current) return;
    const margin = 8;
    const { left, right } = note.current.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    setShift(left < margin ? margin - left : right > width - margin ? width - margin - right : 0);
  }, [open]);

  const close = () => {
    setOpen(false);
    setShift(0);
  };

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      // Escape is spent on the note, not on whatever the page does with it.
      event.stopPropagation();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape, true);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape, true);
    };
  }, [open]);

  // The ⓘ stays on the line of the term's last word: never alone on a line of its own.
  const words = typeof children === 'string' ? children.split(' ') : null;
  const lastWord = words ? words.pop()! : null;
  const button = (
    <button
      type="button"
      className="term-button"
      aria-expanded={open}
      aria-controls={noteId}
      aria-label={t('termWhatIs', { term: entry.term })}
      data-testid={`term-${id}`}
      onClick={() => (open ? close() : setOpen(true))}
    >
      <span aria-hidden="true">i</span>
    </button>
  );
  return (
    <span className="term" ref={root}>
      {lastWord === null ? (
        <>
          {children}
          {button}
        </>
      ) : (
        <>
          {words!.length > 0 && `${words!.join(' ')} `}
          <span className="term-tail">
            {lastWord}
            {button}
          </span>
        </>
      )}
      <span
        ref={note}
        id={noteId}
        role="note"
        className={`term-note${above ? ' above' : ''}`}
        style={shift ? { transform: `translateX(${shift}px)` } : undefined}
        hidden={!open}
        data-testid={`term-note-${id}`}
      >
        <strong>{entry.term}</strong> {entry.explanation}
      </span>
    </span>
  );
});
