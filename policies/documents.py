"""A hearing's or a meeting's document as a download (``policies.models.hearings.StoredDocument``)."""

from django.http import FileResponse, Http404


def document_download(document):
    """The file as an attachment under its safe name, which no browser runs or shows inline."""
    try:
        file = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # the row outlived its file (a restored database without the media)
    response = FileResponse(file, as_attachment=True, filename=document.download_name(), content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
