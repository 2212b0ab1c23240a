import { useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface DialogButtonProps {
  /** The button's words. */
  label: string;
  /** The dialog's heading. */
  title: string;
  /** Extra classes of the dialog (after `embed-dialog`, which gives the shared frame). */
  dialogClass?: string;
  /** Extra classes of the button (after `button`). */
  buttonClass?: string;
  buttonTestId: string;
  dialogTestId: string;
  /** The dialog's content, mounted only while it is open (so it reads the state at opening). */
  children: ReactNode;
}

/** A toolbar button that opens a modal dialog with a heading and a close button. */
export function DialogButton({
  label,
  title,
  dialogClass,
  buttonClass,
  buttonTestId,
  dialogTestId,
  children,
}: DialogButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className={buttonClass ? `button ${buttonClass}` : 'button'}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        data-testid={buttonTestId}
        aria-haspopup="dialog"
      >
        <span className="button-text">{label}</span>
      </button>
      <dialog
        ref={dialog}
        className={dialogClass ? `embed-dialog ${dialogClass}` : 'embed-dialog'}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        data-testid={dialogTestId}
      >
        <form method="dialog" className="embed-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="submit" className="button quiet" aria-label={t('close')}>
            ✕
          </button>
        </form>
        {open && children}
      </dialog>
    </>
  );
}
