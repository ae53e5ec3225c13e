# File generated from our OpenAPI spec by Castiron. See CONTRIBUTING.md for details.

from __future__ import annotations

import os
from typing import Any, cast

import pytest

from openai import OpenAI, AsyncOpenAI
from tests.utils import assert_matches_type
from openai.pagination import SyncTokenPage, AsyncTokenPage
from openai.types.admin.organization.health import (
    HealthAlertRule,
    DeletedHealthAlertRule,
)

base_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")


class TestAlertRules:
    parametrize = pytest.mark.parametrize("client", [False, True], indirect=True, ids=["loose", "strict"])

    @parametrize
    def test_method_create(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
            },
            name="x",
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_method_create_with_all_params(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
                "status_class": "all",
                "status_codes": [0],
            },
            name="x",
            enabled=True,
            filters={
                "models": ["string"],
                "observability_tags": ["360"],
                "project_ids": ["string"],
                "service_tiers": ["default"],
            },
            notifications={
                "email": {
                    "addresses": ["xxx"],
                    "enabled": True,
                    "org_owners": True,
                    "project_owners": True,
                },
                "webhook": {"enabled": True},
            },
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_raw_response_create(self, client: OpenAI) -> None:
        response = client.admin.organization.health.alert_rules.with_raw_response.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
            },
            name="x",
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_streaming_response_create(self, client: OpenAI) -> None:
        with client.admin.organization.health.alert_rules.with_streaming_response.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
            },
            name="x",
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = response.parse()
            assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    def test_method_retrieve(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.retrieve(
            "alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_raw_response_retrieve(self, client: OpenAI) -> None:
        response = client.admin.organization.health.alert_rules.with_raw_response.retrieve(
            "alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_streaming_response_retrieve(self, client: OpenAI) -> None:
        with client.admin.organization.health.alert_rules.with_streaming_response.retrieve(
            "alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = response.parse()
            assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    def test_path_params_retrieve(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `alert_rule_id` but received ''"):
            client.admin.organization.health.alert_rules.with_raw_response.retrieve(
                "",
            )

    @parametrize
    def test_method_update(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_method_update_with_all_params(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
                "status_class": "all",
                "status_codes": [0],
            },
            enabled=True,
            filters={
                "models": ["string"],
                "observability_tags": ["360"],
                "project_ids": ["string"],
                "service_tiers": ["default"],
            },
            name="x",
            notifications={
                "email": {
                    "addresses": ["xxx"],
                    "enabled": True,
                    "org_owners": True,
                    "project_owners": True,
                },
                "webhook": {"enabled": True},
            },
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_raw_response_update(self, client: OpenAI) -> None:
        response = client.admin.organization.health.alert_rules.with_raw_response.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_streaming_response_update(self, client: OpenAI) -> None:
        with client.admin.organization.health.alert_rules.with_streaming_response.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = response.parse()
            assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    def test_path_params_update(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `alert_rule_id` but received ''"):
            client.admin.organization.health.alert_rules.with_raw_response.update(
                alert_rule_id="",
                expected_version=1,
            )

    @parametrize
    def test_method_list(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.list()
        assert_matches_type(SyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

    @parametrize
    def test_method_list_with_all_params(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.list(
            enabled=True,
            limit=1,
            page="page",
            type="error_rate",
        )
        assert_matches_type(SyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

    @parametrize
    def test_raw_response_list(self, client: OpenAI) -> None:
        response = client.admin.organization.health.alert_rules.with_raw_response.list()

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(SyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

    @parametrize
    def test_streaming_response_list(self, client: OpenAI) -> None:
        with client.admin.organization.health.alert_rules.with_streaming_response.list() as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = response.parse()
            assert_matches_type(SyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    def test_method_delete(self, client: OpenAI) -> None:
        alert_rule = client.admin.organization.health.alert_rules.delete(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )
        assert_matches_type(DeletedHealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_raw_response_delete(self, client: OpenAI) -> None:
        response = client.admin.organization.health.alert_rules.with_raw_response.delete(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(DeletedHealthAlertRule, alert_rule, path=["response"])

    @parametrize
    def test_streaming_response_delete(self, client: OpenAI) -> None:
        with client.admin.organization.health.alert_rules.with_streaming_response.delete(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = response.parse()
            assert_matches_type(DeletedHealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    def test_path_params_delete(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `alert_rule_id` but received ''"):
            client.admin.organization.health.alert_rules.with_raw_response.delete(
                alert_rule_id="",
                expected_version=1,
            )


class TestAsyncAlertRules:
    parametrize = pytest.mark.parametrize(
        "async_client", [False, True, {"http_client": "aiohttp"}], indirect=True, ids=["loose", "strict", "aiohttp"]
    )

    @parametrize
    async def test_method_create(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
            },
            name="x",
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_method_create_with_all_params(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
                "status_class": "all",
                "status_codes": [0],
            },
            name="x",
            enabled=True,
            filters={
                "models": ["string"],
                "observability_tags": ["360"],
                "project_ids": ["string"],
                "service_tiers": ["default"],
            },
            notifications={
                "email": {
                    "addresses": ["xxx"],
                    "enabled": True,
                    "org_owners": True,
                    "project_owners": True,
                },
                "webhook": {"enabled": True},
            },
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_raw_response_create(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.admin.organization.health.alert_rules.with_raw_response.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
            },
            name="x",
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_streaming_response_create(self, async_client: AsyncOpenAI) -> None:
        async with async_client.admin.organization.health.alert_rules.with_streaming_response.create(
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
            },
            name="x",
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = await response.parse()
            assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    async def test_method_retrieve(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.retrieve(
            "alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_raw_response_retrieve(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.admin.organization.health.alert_rules.with_raw_response.retrieve(
            "alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_streaming_response_retrieve(self, async_client: AsyncOpenAI) -> None:
        async with async_client.admin.organization.health.alert_rules.with_streaming_response.retrieve(
            "alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = await response.parse()
            assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    async def test_path_params_retrieve(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `alert_rule_id` but received ''"):
            await async_client.admin.organization.health.alert_rules.with_raw_response.retrieve(
                "",
            )

    @parametrize
    async def test_method_update(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_method_update_with_all_params(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
            condition={
                "threshold": 0,
                "type": "error_rate",
                "window_seconds": 300,
                "status_class": "all",
                "status_codes": [0],
            },
            enabled=True,
            filters={
                "models": ["string"],
                "observability_tags": ["360"],
                "project_ids": ["string"],
                "service_tiers": ["default"],
            },
            name="x",
            notifications={
                "email": {
                    "addresses": ["xxx"],
                    "enabled": True,
                    "org_owners": True,
                    "project_owners": True,
                },
                "webhook": {"enabled": True},
            },
        )
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_raw_response_update(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.admin.organization.health.alert_rules.with_raw_response.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_streaming_response_update(self, async_client: AsyncOpenAI) -> None:
        async with async_client.admin.organization.health.alert_rules.with_streaming_response.update(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = await response.parse()
            assert_matches_type(HealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    async def test_path_params_update(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `alert_rule_id` but received ''"):
            await async_client.admin.organization.health.alert_rules.with_raw_response.update(
                alert_rule_id="",
                expected_version=1,
            )

    @parametrize
    async def test_method_list(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.list()
        assert_matches_type(AsyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

    @parametrize
    async def test_method_list_with_all_params(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.list(
            enabled=True,
            limit=1,
            page="page",
            type="error_rate",
        )
        assert_matches_type(AsyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

    @parametrize
    async def test_raw_response_list(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.admin.organization.health.alert_rules.with_raw_response.list()

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(AsyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

    @parametrize
    async def test_streaming_response_list(self, async_client: AsyncOpenAI) -> None:
        async with async_client.admin.organization.health.alert_rules.with_streaming_response.list() as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = await response.parse()
            assert_matches_type(AsyncTokenPage[HealthAlertRule], alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    async def test_method_delete(self, async_client: AsyncOpenAI) -> None:
        alert_rule = await async_client.admin.organization.health.alert_rules.delete(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )
        assert_matches_type(DeletedHealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_raw_response_delete(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.admin.organization.health.alert_rules.with_raw_response.delete(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        alert_rule = response.parse()
        assert_matches_type(DeletedHealthAlertRule, alert_rule, path=["response"])

    @parametrize
    async def test_streaming_response_delete(self, async_client: AsyncOpenAI) -> None:
        async with async_client.admin.organization.health.alert_rules.with_streaming_response.delete(
            alert_rule_id="alertrule_ecc2efdd09bd231a9ad9bd2aada37aa7",
            expected_version=1,
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            alert_rule = await response.parse()
            assert_matches_type(DeletedHealthAlertRule, alert_rule, path=["response"])

        assert cast(Any, response.is_closed) is True

    @parametrize
    async def test_path_params_delete(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `alert_rule_id` but received ''"):
            await async_client.admin.organization.health.alert_rules.with_raw_response.delete(
                alert_rule_id="",
                expected_version=1,
            )
