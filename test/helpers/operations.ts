export const CREATE_TAKEOVER = /* GraphQL */ `
  mutation Create($videoName: String, $thumbnailUrl: String, $params: TakeoverParamsInput, $preset: PresetReferenceInput) {
    createTakeoverVideo(videoName: $videoName, thumbnailUrl: $thumbnailUrl, params: $params, preset: $preset) {
      __typename
      ... on CreateTakeoverVideoSuccess { task { ...TaskFields } }
      ... on ValidationError { message issues { path message } }
      ... on PlatformRejectedError { message code platformMessage task { ...TaskFields } }
      ... on PlatformUnreachableError { message task { ...TaskFields } }
      ... on SubmissionOutcomeUnknownError { message task { ...TaskFields } }
    }
  }
  fragment TaskFields on Task {
    id videoName thumbnailUrl status platformTaskId platformCode platformMessage failureReason
    paramString createdAt updatedAt expiresAt expired presetVersion preset { id version }
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
