from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    """The site speaks Danish until a visitor picks another language in the footer.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so most
    visitors on an English-language system would meet a Danish municipality's
    site in English; here only the explicit choice (the language cookie) counts.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        try:
            language = translation.get_supported_language_variant(chosen) if chosen else settings.LANGUAGE_CODE
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
