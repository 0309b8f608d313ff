"""Recording training for slides: a view (or the whole window) as an animated GIF or APNG.

A ``Recorder`` grabs its widget every ``epochs_per_frame`` epochs while the document
trains (Play, or the command line's ``--record``), up to ``max_frames`` frames, each
scaled to at most ``max_width`` pixels wide; ``finish()`` encodes them with Pillow and
writes the file. When the file would be larger than ``limit_mb``, every other frame is
dropped (each kept frame showing twice as long) until it fits: the animation keeps its
length in time, not its smoothness. The path is tried for writing before the first
frame, so a path that cannot be written is a message at once, not after a minute.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from core.text import QT_TRANSLATE_NOOP
from gui.document import Document
from gui.i18n import translate

FORMATS = {".gif": "GIF", ".png": "PNG", ".apng": "PNG"}  # suffix -> Pillow format (PNG: APNG)
FRAME_MS = 100  # each frame shows this long (10 frames a second)


def check_target(path: str) -> str:
    """The Pillow format for ``path`` (.gif, .png or .apng); ValueError for another
    suffix, OSError (with the system's reason) when the file cannot be written."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(QT_TRANSLATE_NOOP("recorder", "record to a .gif, .png or .apng file"))
    existed = Path(path).exists()
    with open(path, "ab"):  # may we write there? (append: an existing file stays as it is)
        pass
    if not existed:
        Path(path).unlink()
    return fmt


def to_pil(image: QImage, max_width: int) -> Image.Image:
    """A QImage as an RGB Pillow image, scaled down (smoothly) to ``max_width`` if wider."""
    if image.width() > max_width:
        image = image.scaledToWidth(max_width, Qt.SmoothTransformation)
    image = image.convertToFormat(QImage.Format_RGB888)
    return Image.frombuffer("RGB", (image.width(), image.height()), bytes(image.constBits()),
                            "raw", "RGB", image.bytesPerLine(), 1).copy()


def encode(frames: list[Image.Image], fmt: str, limit_bytes: int,
           frame_ms: int = FRAME_MS) -> tuple[bytes, int, int]:
    """The frames as one animation in ``fmt``, looping: (bytes, frames kept, ms a frame).
    Over ``limit_bytes``, every other frame goes and each kept one shows twice as long,
    until it fits or two frames are left."""
    size = frames[0].size
    frames = [f if f.size == size else f.resize(size) for f in frames]  # a resized view
    while True:
        buf = io.BytesIO()
        frames[0].save(buf, format=fmt, save_all=True, append_images=frames[1:],
                       duration=frame_ms, loop=0)
        if buf.tell() <= limit_bytes or len(frames) <= 2:
            return buf.getvalue(), len(frames), frame_ms
        frames, frame_ms = frames[::2], frame_ms * 2


class Recorder(QObject):
    """Frames of ``widget`` while ``doc`` trains; ``finished(message)`` when written."""

    frame_added = Signal(int)  # frames so far
    finished = Signal(bool, str)  # written?, and what was written (or why not)

    def __init__(self, doc: Document, widget: QWidget, path: str, epochs_per_frame: int = 50,
                 max_frames: int = 60, limit_mb: float = 8.0, max_width: int = 800,
                 redraw=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not 1 <= epochs_per_frame <= 10**9:
            raise ValueError(QT_TRANSLATE_NOOP("recorder", "epochs per frame must be from 1 to 10⁹"))
        if not 2 <= max_frames <= 2000:
            raise ValueError(QT_TRANSLATE_NOOP("recorder", "frames must be from 2 to 2000"))
        if not 0.1 <= limit_mb <= 500:
            raise ValueError(QT_TRANSLATE_NOOP("recorder", "the size limit must be from 0.1 to 500 MB"))
        self.format = check_target(path)
        self.doc, self.widget, self.path = doc, widget, path
        self.epochs_per_frame, self.max_frames = epochs_per_frame, max_frames
        self.limit_bytes, self.max_width = int(limit_mb * 2**20), max_width
        self.redraw = redraw or (lambda: None)  # brings the view up to date before a grab
        self.frames: list[Image.Image] = []
        self.last_epoch = None
        self.recording = False

    def start(self) -> None:
        """The first frame now, then one every ``epochs_per_frame`` epochs trained."""
        self.recording = True
        self.doc.trained.connect(self._on_trained)
        self.add_frame()

    def _on_trained(self) -> None:
        if self.recording and self.doc.epoch - self.last_epoch >= self.epochs_per_frame:
            self.add_frame()

    def add_frame(self) -> None:
        self.redraw()
        self.frames.append(to_pil(self.widget.grab().toImage(), self.max_width))
        self.last_epoch = self.doc.epoch
        self.frame_added.emit(len(self.frames))
        if self.recording and len(self.frames) >= self.max_frames:
            self.finish()

    def finish(self) -> str:
        """Stop and write the file: the message saying what was written, or why not."""
        if self.recording:
            self.recording = False
            self.doc.trained.disconnect(self._on_trained)
        written = False
        if len(self.frames) < 2:
            text = translate("recorder", "Nothing recorded: train for at least {0} epochs to get two "
                                         "frames").format(self.epochs_per_frame)
        else:
            data, kept, ms = encode(self.frames, self.format, self.limit_bytes)
            try:
                Path(self.path).write_bytes(data)
            except OSError as e:
                text = translate("recorder", "Could not write {0}: {1}").format(self.path, e.strerror or e)
            else:
                written = True
                text = translate("recorder", "Wrote {0}: {1} frames, {2} KiB").format(
                    Path(self.path).name, kept, round(len(data) / 1024))
                if kept < len(self.frames):
                    text += translate("recorder", " (every other frame dropped to stay under the "
                                                  "size limit)")
        self.frames = []
        self.finished.emit(written, text)
        return text
