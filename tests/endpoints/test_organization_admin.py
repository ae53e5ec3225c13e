"""The Admin API's keys and audit log: every `/organization/...` route (served by a family or
not, under `/v1` and the gateway prefix) takes an admin key only, a project key gets the real
403 naming the missing scope; `--api-key` still decides which keys exist; the audit log lists
the actions recorded with `toolkit.audit.record_action`, filtered and paged, per session; and
the official SDK's `client.admin.organization...` methods read all of it."""

from __future__ import annotations

import time

import openai
import pytest
from helpers import AUTH, api_json, chat_body
from usage_support import ADMIN, ADMIN_KEY, admin_get, results, session, since

from mockai import ids
from mockai.config import Settings
from mockai.server.app import create_app

SCOPES = (
    "You have insufficient permissions for this operation. Missing scopes: {}. Check that you "
    "have the correct role in your organization, and if you're using a restricted API key, that "
    "it has the necessary scopes."
)


@pytest.fixture
def admin_app(aiohttp_client):
    """The app as served; its Admin API routes come from the spec-driven family."""

    async def make(**settings):
        app = create_app(Settings(**{"port": 0, "watch": False, "quiet": True, **settings}))
        return await aiohttp_client(app)

    return make


async def _error(response, status: int) -> dict:
    body = await api_json(response)
    assert response.status == status, body
    return body["error"]


@pytest.mark.parametrize("prefix", ["/v1", "/api/openai/v1"])
@pytest.mark.parametrize(
    ("method", "path", "scope"),
    [
        ("GET", "/organization/usage/completions?start_time=0", "api.usage.read"),
        ("GET", "/organization/usage/vector_stores?start_time=0", "api.usage.read"),
        ("GET", "/organization/costs?start_time=0", "api.usage.read"),
        ("GET", "/organization/audit_logs", "api.management.read"),
        ("GET", "/organization/projects", "api.management.read"),  # spec-driven
        ("POST", "/organization/projects", "api.management.write"),
    ],
)
async def test_a_project_key_gets_the_real_403_on_every_admin_route(
    admin_app, prefix, method, path, scope
):
    client = await admin_app()
    body = {"name": "Platform"} if method == "POST" else None
    error = await _error(await client.request(method, prefix + path, headers=AUTH, json=body), 403)
    assert error == {
        "message": SCOPES.format(scope),
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
    allowed = await client.request(method, prefix + path, headers=ADMIN, json=body)
    assert allowed.status == 200, await allowed.text()


async def test_no_key_or_an_unknown_key_is_a_401_as_everywhere(admin_app):
    client = await admin_app(api_key=["sk-test", "sk-admin-listed"])
    path = "/v1/organization/usage/completions?start_time=0"
    missing = await client.get(path)
    assert (await _error(missing, 401))["message"].startswith("You didn't provide an API key.")
    unknown = await _error(await client.get(path, headers=ADMIN), 401)
    assert unknown["code"] == "invalid_api_key" and ADMIN_KEY not in unknown["message"]
    listed = await client.get(path, headers={"Authorization": "Bearer sk-admin-listed"})
    assert listed.status == 200
    # The listed project key is still only a project key there.
    assert (await _error(await client.get(path, headers=AUTH), 403))["message"] == SCOPES.format(
        "api.usage.read"
    )


async def test_model_routes_do_not_need_an_admin_key(serve):
    client = await serve()
    response = await client.post("/v1/chat/completions", json=chat_body("hi"), headers=AUTH)
    assert response.status == 200


# -- the audit log ----------------------------------------------------------------------------
async def test_the_audit_log_lists_recorded_actions_newest_first_and_filters_them(admin_app):
    client = await admin_app()
    headers = session()
    empty = await admin_get(client, "audit_logs", headers)
    assert empty == {
        "object": "list",
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }
    before = int(time.time())
    made = []
    for name in ("one", "two", "three"):
        response = await client.post(
            "/v1/organization/admin_api_keys", json={"name": name}, headers={**ADMIN, **headers}
        )
        assert response.status == 200
        made.append((await response.json())["id"])
    key_one, key_two, key_three = made
    listed = await admin_get(client, "audit_logs", headers)
    events = listed["data"]
    assert [e["api_key.created"]["id"] for e in events] == [key_three, key_two, key_one]
    first = events[0]
    assert first["type"] == "api_key.created" and first["id"].startswith("audit_log-")
    assert before <= first["effective_at"] <= time.time()
    assert first["actor"] == {
        "type": "api_key",
        "api_key": {"id": ids.api_key_id(ADMIN_KEY), "type": "user"},
    }
    assert (listed["first_id"], listed["last_id"]) == (events[0]["id"], events[-1]["id"])

    async def found(**query) -> list[str]:
        page = await admin_get(client, "audit_logs", headers, **query)
        return [e["api_key.created"]["id"] for e in page["data"] if "api_key.created" in e]

    assert await found(**{"resource_ids": [key_one, key_three]}) == [key_three, key_one]
    assert await found(**{"event_types": ["project.created"]}) == []
    assert await found(**{"actor_ids": [ids.api_key_id(ADMIN_KEY)]}) == [
        key_three,
        key_two,
        key_one,
    ]
    assert await found(**{"actor_emails": ["someone@example.com"]}) == []
    assert await found(**{"effective_at[gte]": before}) == [key_three, key_two, key_one]
    assert await found(**{"effective_at[lt]": before}) == []
    assert await found(tenant_only=True) == []
    page = await admin_get(client, "audit_logs", headers, limit=2)
    assert page["has_more"] is True and len(page["data"]) == 2
    rest = await admin_get(client, "audit_logs", headers, limit=2, after=page["last_id"])
    assert [e["api_key.created"]["id"] for e in rest["data"]] == [key_one] and rest[
        "has_more"
    ] is False

    # An action within a project names it, and the project filter finds it.
    created = await client.post(
        "/v1/organization/projects", json={"name": "Platform"}, headers={**ADMIN, **headers}
    )
    project = (await created.json())["id"]
    added = await client.post(
        f"/v1/organization/projects/{project}/users",
        json={"user_id": "user-abc", "role": "member"},
        headers={**ADMIN, **headers},
    )
    assert added.status == 200, await added.text()
    within = (await admin_get(client, "audit_logs", headers, project_ids=[project]))["data"]
    assert [e["type"] for e in within] == ["user.added"]
    assert within[0]["project"]["id"] == project
    error = (await admin_get(client, "audit_logs", headers, status=400, limit=101))["error"]
    assert error["param"] == "limit"
    error = (
        await admin_get(client, "audit_logs", headers, status=400, **{"effective_at[gt]": "x"})
    )["error"]
    assert (error["param"], error["code"]) == ("effective_at[gt]", "invalid_type")

    # Another session sees none of it; a reset forgets it.
    assert (await admin_get(client, "audit_logs", session()))["data"] == []
    await client.post("/_mockai/reset", headers=headers)
    assert (await admin_get(client, "audit_logs", headers))["data"] == []


# -- the official SDK ---------------------------------------------------------------------------
def test_the_sdk_reads_usage_costs_and_the_audit_log(mockai):
    client = mockai.client()
    reply = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}]
    )
    embedded = client.embeddings.create(model="text-embedding-3-small", input="Hi there")
    start = since()
    usage = client.admin.organization.usage.completions(
        start_time=start, group_by=["model"], bucket_width="1d"
    )
    got = [r for bucket in usage.data for r in bucket.results]
    assert [(r.model, r.input_tokens, r.output_tokens, r.num_model_requests) for r in got] == [
        (reply.model, reply.usage.prompt_tokens, reply.usage.completion_tokens, 1)
    ]
    embeddings = client.admin.organization.usage.embeddings(start_time=start)
    assert (
        sum(r.input_tokens for b in embeddings.data for r in b.results)
        == embedded.usage.prompt_tokens
    )
    costs = client.admin.organization.usage.costs(start_time=start, group_by=["line_item"])
    items = {r.line_item: r.quantity for b in costs.data for r in b.results}
    assert items == {
        f"{reply.model}, input": reply.usage.prompt_tokens,
        f"{reply.model}, output": reply.usage.completion_tokens,
        f"{embedded.model}, input": embedded.usage.prompt_tokens,
    }
    assert list(client.admin.organization.audit_logs.list()) == []

    project_key = openai.OpenAI(
        base_url=mockai.url,
        api_key="sk-proj-x",
        admin_api_key="sk-proj-x",
        default_headers=mockai.headers,
    )
    with pytest.raises(openai.PermissionDeniedError) as refused:
        project_key.admin.organization.usage.costs(start_time=start)
    assert refused.value.status_code == 403
    assert "Missing scopes: api.usage.read" in refused.value.message


@pytest.mark.mockai(api_key=["sk-mine", "sk-admin-mine"])
def test_the_plugin_sends_the_servers_admin_key(mockai):
    client = mockai.client()
    assert (client.api_key, client.admin_api_key) == ("sk-mine", "sk-admin-mine")
    page = client.admin.organization.usage.moderations(start_time=since(60))
    assert results(page.model_dump()) == []
