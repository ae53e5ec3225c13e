"""OpenAI-shaped errors.

Every failure the server can produce, from a scripted 503 to a crash in a handler, leaves as
`{"error": {"message", "type", "param", "code"}}`: clients branch on these fields, so their
defaults are the ones the real API sends for each status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mockai.masking import mask_key

# status -> (message, type, code): what the real API sends when nothing more specific applies.
# `{request_id}` is filled in with the response's x-request-id, as the real 500/503 texts do.
_HELP = (
    "You can retry your request, or contact us through our help center at help.openai.com "
    "if the error persists. (Please include the request ID {request_id} in your message.)"
)
DEFAULTS: dict[int, tuple[str, str, str | None]] = {
    400: ("Invalid request.", "invalid_request_error", None),
    401: (
        "Incorrect API key provided. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
    ),
    403: (
        "Country, region, or territory not supported",
        "request_forbidden",
        "unsupported_country_region_territory",
    ),
    404: ("The requested resource was not found.", "invalid_request_error", None),
    405: ("Method not allowed.", "invalid_request_error", None),
    409: (
        "Another process is currently operating on this object. Please try again later.",
        "invalid_request_error",
        "conflict",
    ),
    413: (
        "Request too large. The request body exceeds the maximum allowed size.",
        "invalid_request_error",
        "request_too_large",
    ),
    422: ("Unprocessable entity.", "invalid_request_error", None),
    429: (
        "Rate limit reached for requests. Please try again later.",
        "requests",
        "rate_limit_exceeded",
    ),
    500: (
        "The server had an error processing your request. Sorry about that! " + _HELP,
        "server_error",
        None,
    ),
    502: ("Bad gateway.", "cf_bad_gateway", None),
    503: ("That model is currently overloaded with other requests. " + _HELP, "server_error", None),
    504: ("Gateway timeout.", "server_error", None),
}

INSUFFICIENT_QUOTA = (
    "You exceeded your current quota, please check your plan and billing details. For more "
    "information on this error, read the docs: "
    "https://platform.openai.com/docs/guides/error-codes/api-errors."
)

# The Images API's safety refusals: dall-e's `content_policy_violation`, the GPT image models'
# `moderation_blocked` (a type of its own).
CONTENT_POLICY = (
    "Your request was rejected as a result of our safety system. Your prompt may "
    "contain text that is not allowed by our safety system."
)
MODERATION_BLOCKED = (
    "Your request was rejected by the safety system. If you believe this is "
    "an error, contact us at help.openai.com and include the request ID "
    "{request_id}."
)

# Codes whose type differs from the status default (scripted errors name the code only).
TYPE_FOR_CODE = {
    "insufficient_quota": "insufficient_quota",
    "moderation_blocked": "image_generation_user_error",
}
MESSAGE_FOR_CODE = {
    "insufficient_quota": INSUFFICIENT_QUOTA,
    "content_policy_violation": CONTENT_POLICY,
    "moderation_blocked": MODERATION_BLOCKED,
}


DEFAULT: Any = object()  # "use the status's default code" (None means "no code")


class APIError(Exception):
    """An error response, raised anywhere below a handler and rendered by the middleware."""

    def __init__(
        self,
        status: int,
        message: str | None = None,
        *,
        type: str | None = None,
        param: str | None = None,
        code: str | None = DEFAULT,  # the DEFAULT sentinel is typed Any
        headers: Mapping[str, str] | None = None,
    ) -> None:
        default_message, default_type, default_code = DEFAULTS.get(
            status, DEFAULTS[500 if status >= 500 else 400]
        )
        code = default_code if code is DEFAULT else code
        self.status = status
        self.message = message or MESSAGE_FOR_CODE.get(code or "", default_message)
        self.type = type or TYPE_FOR_CODE.get(code or "", default_type)
        self.param = param
        self.code = code
        self.headers = dict(headers or {})
        super().__init__(self.message)

    def body(self, request_id: str = "") -> dict[str, Any]:
        return {
            "error": {
                "message": self.message.replace("{request_id}", request_id),
                "type": self.type,
                "param": self.param,
                "code": self.code,
            }
        }


def choices(values: Iterable[str]) -> str:
    """Allowed values as the real texts list them: 'a', 'b', and 'c' (or 'a' and 'b')."""
    quoted = [f"'{v}'" for v in values]
    return (
        ", ".join(quoted[:-1]) + f", and {quoted[-1]}" if len(quoted) > 2 else " and ".join(quoted)
    )


def one_of(value: str | None, allowed: Sequence[str], param: str) -> str | None:
    """`value` when it is one of `allowed` (None: not given), else the real 400
    `invalid_value` listing them."""
    if value is not None and value not in allowed:
        raise invalid_request(
            f"Invalid value: '{value}'. Supported values are: {choices(allowed)}.",
            param,
            "invalid_value",
        )
    return value


def invalid_request(message: str, param: str | None = None, code: str | None = None) -> APIError:
    """A 400 `invalid_request_error`; `code` stays null unless given, as in most real 400s."""
    return APIError(400, message, type="invalid_request_error", param=param, code=code)


def missing_parameter(param: str) -> APIError:
    """The real API's 400 for a required field left out, `param` its path (`tools[0].name`)."""
    return invalid_request(
        f"Missing required parameter: '{param}'.", param, "missing_required_parameter"
    )


def no_model() -> APIError:
    """The 400 chat, completions and embeddings give a body without `model` (Responses names
    it as a missing parameter instead)."""
    return invalid_request("you must provide a model parameter")


def model_not_found(model: str) -> APIError:
    return APIError(
        404,
        f"The model `{model}` does not exist or you do not have access to it.",
        code="model_not_found",
    )


NO_API_KEY = (
    "You didn't provide an API key. You need to provide your API key in an Authorization header "
    "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank "
    "username) if you're accessing the API from your browser and are prompted for a username and "
    "password. You can obtain an API key from https://platform.openai.com/account/api-keys."
)


def invalid_api_key(key: str) -> APIError:
    return APIError(
        401,
        f"Incorrect API key provided: {mask_key(key)}. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        code="invalid_api_key",
        headers={"www-authenticate": 'Bearer realm="OpenAI API"'},
    )


def insufficient_permissions(scope: str) -> APIError:
    """The real API's refusal of a key that lacks `scope`, such as a project key on the Admin
    API's `/organization/...` routes.

    Wording: the scope errors quoted from the real API in the OpenAI developer forum ("Admin
    Keys Not Working: Missing Scopes", t/1345041, and t/1368874: "You have insufficient
    permissions for this operation. Missing scopes: api.management.read. Check that you have
    the correct role in your organization, and if you're using a restricted API key, that it
    has the necessary scopes.", type `invalid_request_error`, param and code null); the same
    opening with `api.usage.read` is quoted for a project key on `/organization/costs` in
    t/1043058 (the Usage API's launch thread, which elides the rest). Status: 403, as several
    independent captures of a project key on `/organization/costs` and `/usage/*` report
    ("403 Missing scopes: api.usage.read", 2026); two other notes say 401, so that part is
    the majority's word, not a certainty."""
    return APIError(
        403,
        f"You have insufficient permissions for this operation. Missing scopes: {scope}. "
        "Check that you have the correct role in your organization, and if you're using a "
        "restricted API key, that it has the necessary scopes.",
        type="invalid_request_error",
        code=None,
    )


def missing_api_key() -> APIError:
    return APIError(
        401, NO_API_KEY, code=None, headers={"www-authenticate": 'Bearer realm="OpenAI API"'}
    )
