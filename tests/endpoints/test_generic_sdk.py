"""The spec-driven operations driven by the official SDK with strict response validation:
create -> retrieve -> update -> list -> delete on resources no family hand-builds, nested
objects under their parent, and the real 404s for what does not exist."""

from __future__ import annotations

import openai
import pytest


@pytest.fixture
def client(mockai) -> openai.OpenAI:
    return mockai.client(max_retries=0, _strict_response_validation=True)


def test_assistants_cycle(client):
    created = client.beta.assistants.create(model="gpt-4o", name="Helper", metadata={"a": "1"})
    assert created.id.startswith("asst_") and created.object == "assistant"
    assert (created.name, created.model, created.metadata) == ("Helper", "gpt-4o", {"a": "1"})
    # What was not sent is what the real API answers a create with: null, empty, the default.
    assert (created.description, created.instructions, created.tools) == (None, None, [])
    assert client.beta.assistants.retrieve(created.id).name == "Helper"
    assert client.beta.assistants.update(created.id, name="Renamed").name == "Renamed"
    assert client.beta.assistants.retrieve(created.id).name == "Renamed"
    listed = client.beta.assistants.list()
    assert [a.id for a in listed.data] == [created.id]
    deleted = client.beta.assistants.delete(created.id)
    assert (deleted.id, deleted.deleted) == (created.id, True)
    with pytest.raises(openai.NotFoundError, match=f"No assistant found with id '{created.id}'"):
        client.beta.assistants.retrieve(created.id)


def test_threads_and_their_messages(client):
    thread = client.beta.threads.create()
    assert thread.id.startswith("thread_")
    message = client.beta.threads.messages.create(thread.id, role="user", content="Hello")
    assert message.id.startswith("msg_") and message.object == "thread.message"
    again = client.beta.threads.messages.retrieve(message.id, thread_id=thread.id)
    assert again.id == message.id
    listed = client.beta.threads.messages.list(thread.id)
    assert [m.id for m in listed.data] == [message.id]
    with pytest.raises(openai.NotFoundError):
        client.beta.threads.messages.create("thread_missing", role="user", content="Hi")


def test_vector_stores_cycle(client):
    store = client.vector_stores.create(name="docs")
    assert store.id.startswith("vs_") and store.name == "docs"
    assert client.vector_stores.update(store.id, name="manuals").name == "manuals"
    assert [s.id for s in client.vector_stores.list().data] == [store.id]
    assert client.vector_stores.delete(store.id).deleted is True


def test_evals(client):
    # (fine-tuning jobs, once tested here, are hand-built: tests/endpoints/test_fine_tuning_sdk.py)
    evaluation = client.evals.create(
        name="grading",
        data_source_config={"type": "custom", "item_schema": {"type": "object"}},
        testing_criteria=[
            {
                "type": "string_check",
                "name": "exact",
                "input": "{{sample.output_text}}",
                "reference": "{{item.expected}}",
                "operation": "eq",
            }
        ],
    )
    assert evaluation.id.startswith("eval_") and evaluation.name == "grading"
    assert client.evals.update(evaluation.id, name="renamed").name == "renamed"
    assert client.evals.delete(evaluation.id).deleted is True


def test_a_bad_body_is_refused_with_the_field_named(client):
    with pytest.raises(openai.BadRequestError) as caught:
        client.beta.assistants.create(model="gpt-4o", name=123)  # type: ignore[arg-type]
    assert caught.value.param == "name" and caught.value.code == "invalid_type"


def test_projects_their_users_admin_keys_and_the_audit_log(client):
    org = client.admin.organization
    project = org.projects.create(name="Platform")
    assert project.id.startswith("proj_") and project.name == "Platform"
    assert org.projects.retrieve(project.id).name == "Platform"
    assert org.projects.update(project.id, name="Core").name == "Core"
    member = org.projects.users.create(project.id, role="member", user_id="user-abc")
    assert member.role == "member"
    assert [u.id for u in org.projects.users.list(project.id).data] == [member.id]
    with pytest.raises(openai.NotFoundError):
        org.projects.users.list("proj_missing")
    key = org.admin_api_keys.create(name="ci")
    assert key.id.startswith("key_") and key.name == "ci"
    org.admin_api_keys.delete(key.id)
    logged = [entry.type for entry in org.audit_logs.list()]
    assert set(logged) >= {"project.created", "project.updated", "user.added", "api_key.created"}
    assert "api_key.deleted" in logged


def test_videos_cycle(client):
    video = client.videos.create(prompt="A calm lake at dawn", model="sora-2", seconds="4")
    assert video.id.startswith("video_") and video.object == "video"
    assert (video.prompt, video.model, video.seconds) == ("A calm lake at dawn", "sora-2", "4")
    assert client.videos.retrieve(video.id).id == video.id
    assert video.id in [v.id for v in client.videos.list()]
    assert client.videos.delete(video.id).deleted is True
    with pytest.raises(openai.NotFoundError):
        client.videos.retrieve(video.id)
