export const CREATE_TAKEOVER = /* GraphQL */ `
  mutation Create(
    $videoName: String
    $thumbnailUrl: String
    $params: TakeoverParamsInput
    $preset: PresetReferenceInput
    $idempotencyKey: String
  ) {
    createTakeoverVideo(videoName: $videoName, thumbnailUrl: $thumbnailUrl, params: $params, preset: $preset, idempotencyKey: $idempotencyKey) {
      __typename
      ... on CreateTakeoverVideoSuccess { platformTaskId outcomeRecorded task { ...TaskFields } }
      ... on ValidationError { message issues { path message } }
      ... on PlatformRejectedError { message code platformMessage outcomeRecorded task { ...TaskFields } }
      ... on PlatformUnreachableError { message outcomeRecorded task { ...TaskFields } }
      ... on SubmissionOutcomeUnknownError { message outcomeRecorded task { ...TaskFields } }
      ... on SubmissionInProgress { message task { ...TaskFields } }
      ... on IdempotencyKeyReusedError { message idempotencyKey }
    }
  }
  fragment TaskFields on Task {
    id videoName thumbnailUrl status platformTaskId platformCode platformMessage failureReason
    paramString createdAt updatedAt expiresAt expired presetVersion preset { id version } idempotencyKey abandonAfter
    events { at fromStatus toStatus source message raw }
    params {
      version bitRate frameRate
      watermark { show content }
      digitalRole { fileId url scale zPosition position { x y } }
      ttsQuery { content ssml }
      title { text }
      foregroundTexts { text }
      audios { url }
      backgrounds { fileId }
    }
  }
`;

export const LIST_TASKS = /* GraphQL */ `
  query Tasks($first: Int, $after: String) {
    tasks(first: $first, after: $after) {
      edges { cursor node { id videoName status platformTaskId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const GET_TASK = /* GraphQL */ `
  query Task($id: ID!) { task(id: $id) { id videoName status paramString } }
`;

export const PRESET_FIELDS = /* GraphQL */ `
  fragment PresetFields on Preset {
    id name description tags videoName version variables createdAt updatedAt
    params {
      resolution { width height }
      digitalRole { fileId }
      ttsQuery { content ssml }
      title { text }
      watermark { show content }
      foregroundTexts { text }
      backgrounds { fileId rect { width } }
    }
  }
`;

const PRESET_PAYLOAD = /* GraphQL */ `
  __typename
  ... on Error { message }
  ... on ValidationError { issues { path message } }
`;

export const CREATE_PRESET = /* GraphQL */ `
  ${PRESET_FIELDS}
  mutation CreatePreset($input: CreatePresetInput!) {
    createPreset(input: $input) { ${PRESET_PAYLOAD} ... on CreatePresetSuccess { preset { ...PresetFields } } }
  }
`;

export const UPDATE_PRESET = /* GraphQL */ `
  ${PRESET_FIELDS}
  mutation UpdatePreset($id: ID!, $expectedVersion: Int, $input: UpdatePresetInput!) {
    updatePreset(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ${PRESET_PAYLOAD} ... on UpdatePresetSuccess { preset { ...PresetFields } }
      ... on PresetVersionConflictError { currentVersion }
    }
  }
`;

export const DUPLICATE_PRESET = /* GraphQL */ `
  ${PRESET_FIELDS}
  mutation DuplicatePreset($id: ID!, $name: String!) {
    duplicatePreset(id: $id, name: $name) { ${PRESET_PAYLOAD} ... on DuplicatePresetSuccess { preset { ...PresetFields } } }
  }
`;

export const DELETE_PRESET = /* GraphQL */ `
  mutation DeletePreset($id: ID!) {
    deletePreset(id: $id) { ${PRESET_PAYLOAD} ... on DeletePresetSuccess { deletedId } }
  }
`;

export const GET_PRESET = /* GraphQL */ `
  ${PRESET_FIELDS}
  query Preset($id: ID!) {
    preset(id: $id) {
      ...PresetFields
      versions { version name description tags videoName variables params { ttsQuery { content } } }
    }
  }
`;

export const LIST_PRESETS = /* GraphQL */ `
  query Presets($first: Int, $after: String, $search: String, $tag: String) {
    presets(first: $first, after: $after, search: $search, tag: $tag) {
      totalCount
      edges { node { id name tags } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const RESOLVE_PRESET = /* GraphQL */ `
  query ResolvePreset($preset: PresetReferenceInput!, $videoName: String) {
    resolvePreset(preset: $preset, videoName: $videoName) {
      videoName paramString issues { path message }
      params { ttsQuery { content ssml } title { text } watermark { content } foregroundTexts { text } backgrounds { fileId } resolution { width height } }
    }
  }
`;

export const NODE = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) { __typename id ... on Task { videoName } ... on Preset { name } }
  }
`;
