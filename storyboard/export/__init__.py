"""Hand-off: what leaves the tool besides the film, read from the same scene and timeline.

``boards`` prints the panels as board sheets (PDF, PNG pages); ``export``
writes an editorial package: each shot's media, the sound's stems, the cut
as OpenTimelineIO, FCP 7 XML, CMX 3600 EDL and FCPXML, subtitles, a prompt
sheet and the report. One module per format; each reads the
:class:`~storyboard.model.Scene` and :class:`~storyboard.timeline.Timeline`
the renderer reads, and nothing here reaches back up the pipeline. The
libraries they need (opentimelineio, fpdf2, pypdfium2, pydub) are imported
only when a hand-off is asked for: a render never pays for them.
"""
