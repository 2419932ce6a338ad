import { type DragEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";

/** The badge as a file: chosen, or dropped onto the zone; removable once chosen. */
export function Dropzone({
  file,
  onChoose,
  onRemove,
}: {
  file: File | null;
  onChoose: (file: File | null) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChoose(dropped);
  }

  return (
    <fieldset
      className={`dropzone${dragging ? " dropzone--active" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <label htmlFor={id} className="dropzone__label">
        <span className="dropzone__title">{t("verifier.fileLabel")}</span>
        <span className="field__hint">{t("verifier.fileHint")}</span>
      </label>
      <input
        ref={fileInput}
        id={id}
        name="file"
        type="file"
        accept=".png,.svg,.json,.jwt,image/png,image/svg+xml,application/json"
        onChange={(event) => onChoose(event.target.files?.[0] ?? null)}
      />
      {file ? (
        <p className="dropzone__file">
          {t("verifier.chosen", { name: file.name })}{" "}
          <Button
            variant="link"
            onClick={() => {
              onRemove();
              if (fileInput.current) fileInput.current.value = "";
            }}
          >
            {t("verifier.removeFile")}
          </Button>
        </p>
      ) : null}
    </fieldset>
  );
}
