import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryTerm } from './glossary';

/**
 * A technical term with its plain-language explanation (glossary.ts) behind a small ⓘ button:
 * a real button (keyboard, mouse, touch) with `aria-expanded`, whose note opens beside the term
 * and closes on a second press, Escape or a press elsewhere. `above` opens it upward, for terms
 * near the bottom of a card that clips.
 */
export function Term({
  id,
  children,
  above = false,
}: {
  id: GlossaryTerm;
  children?: ReactNode;
  above?: boolean;
}) {
  const entry = GLOSSARY[id];
  const [open, setOpen] = useState(false);
  const noteId = `term-${useId().replace(/:/g, '')}`;
  const root = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
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

  return (
    <span className="term" ref={root}>
      {children}
      <button
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={noteId}
        aria-label={`What is ${entry.term}?`}
        data-testid={`term-${id}`}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">i</span>
      </button>
      <span
        id={noteId}
        role="note"
        className={`term-note${above ? ' above' : ''}`}
        hidden={!open}
        data-testid={`term-note-${id}`}
      >
        <strong>{entry.term}</strong> {entry.explanation}
      </span>
    </span>
  );
}
