import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, in a sentence or two. */
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** The confirmation destroys or withdraws something: a red button. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A modal question on a native <dialog>: the browser traps focus and closes
 * it on Escape. Focus goes to "Cancel" (the safe answer) when it opens, and
 * back to the control that opened it when it closes. Styles: ConfirmDialog.css.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const restoreFocus = () => {
    const previous = opener.current;
    opener.current = null;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      {...(children ? { "aria-describedby": `${id}-body` } : {})}
      onClose={() => {
        restoreFocus();
        if (open) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children ? <div id={`${id}-body`}>{children}</div> : null}
      <div className="confirm-dialog__actions">
        <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
          {cancelLabel ?? t("common.cancel")}
        </Button>
        <Button variant={danger ? "danger" : "primary"} onClick={onConfirm}>
          {confirmLabel ?? t("common.confirm")}
        </Button>
      </div>
    </dialog>
  );
}

type Question = Omit<ConfirmDialogProps, "open" | "onConfirm" | "onCancel">;

/**
 * `window.confirm` as an accessible dialog: `ask(question, then)` opens it,
 * and `then` runs only if the user confirms. Render `dialog` once in the page.
 */
export function useConfirmDialog() {
  const [pending, setPending] = useState<{ question: Question; then: () => void } | null>(null);
  const ask = useCallback((question: Question, then: () => void) => {
    setPending({ question, then });
  }, []);
  const dialog = (
    <ConfirmDialog
      {...(pending?.question ?? { title: "" })}
      open={pending !== null}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const then = pending?.then;
        setPending(null);
        then?.();
      }}
    />
  );
  return { ask, dialog };
}
