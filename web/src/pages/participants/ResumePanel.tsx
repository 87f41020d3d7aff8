import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../../api/ApiContext';
import { errorMessage, unwrap } from '../../api/client';
import type { Participant } from '../../api/models';
import { participantKeys } from '../../api/participants';
import { useAllTemplates } from '../../api/templates';
import type { paths } from '../../api/schema';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ErrorNotice, Notice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { formatDateTime } from '../../lib/format';

type ResumeDetails = paths['/api/v1/participants/{id}/resume']['get']['responses'][200]['content']['application/json']['data'];
type Resume = NonNullable<Participant['resume']>;
type ResumeErrorCode = NonNullable<Resume['error']>['code'];

/** While the resume is being read, the panel asks again this often. */
const POLL_MS = 2000;

const FAILURE_TITLES: Record<ResumeErrorCode, string> = {
  blocked_address: 'The link points to an address Docket may not reach',
  http_error: 'The server did not return the file',
  too_large: 'The file is too large',
  timeout: 'The download took too long',
  unsupported_type: 'The file is not a PDF, a DOCX or a text file',
  empty_text: 'No text was found in the file',
  extraction_failed: 'The file could not be read',
};

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'text/plain': 'Text',
};

export function ResumeStatusBadge({ resume }: { resume: Pick<Resume, 'status'> }) {
  if (resume.status === 'ready') return <Badge tone="green">Read</Badge>;
  if (resume.status === 'failed') return <Badge tone="red">Could not be read</Badge>;
  return <Badge tone="amber">Waiting to be read</Badge>;
}

/**
 * The participant's resume (SPEC §7): its status (with the reason and a retry when it failed),
 * the template's skills found in it, and the text read from it. Keeps the participant's cached
 * `resume` in step, without touching the rest of the page.
 */
export function ResumePanel({ participant }: { participant: Participant }) {
  const api = useApi();
  const account = useAccount();
  const toast = useToast();
  const queryClient = useQueryClient();
  const templates = useAllTemplates();
  const path = { params: { path: { id: participant.id }, query: { accountSlug: account.slug } } };
  const key = [...participantKeys.one(account.slug, participant.id), 'resume', participant.resume_url] as const;

  const details = useQuery({
    queryKey: key,
    enabled: participant.resume_url !== null,
    queryFn: async () => (await unwrap(api.GET('/api/v1/participants/{id}/resume', path))).data,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? POLL_MS : false),
  });

  // The summary shows the resume status from the participant: keep it current as the panel learns more.
  const data = details.data;
  useEffect(() => {
    if (data === undefined) return;
    queryClient.setQueryData<Participant>(participantKeys.one(account.slug, participant.id), (current) => {
      if (current === undefined || current.resume_url !== data.resume_url) return current;
      const { resume_url: _url, text: _text, matched_skills: _skills, ...resume } = data;
      return { ...current, resume };
    });
  }, [data, queryClient, account.slug, participant.id]);

  const refresh = useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/participants/{id}/resume/refresh', path))).data,
    onSuccess: (resume) => {
      queryClient.setQueryData<ResumeDetails>(key, (current) =>
        current === undefined ? current : { ...resume, resume_url: current.resume_url, text: null, matched_skills: [] },
      );
      toast.success('The resume will be read again');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (participant.resume_url === null || participant.resume === null) return null;
  const template = templates.data?.find((t) => t.id === participant.evaluation_template_id);

  return (
    <section className="card" aria-labelledby="resume-heading">
      <div className="card-header">
        <h2 id="resume-heading">Resume</h2>
        <div className="row">
          {data !== undefined ? <ResumeStatusBadge resume={data} /> : null}
          {account.canWrite && data !== undefined && data.status !== 'pending' ? (
            <Button size="sm" loading={refresh.isPending} onClick={() => refresh.mutate()}>
              {data.status === 'failed' ? 'Try again' : 'Read again'}
            </Button>
          ) : null}
        </div>
      </div>
      <div className="card-body stack">
        <p className="subtle resume-link">
          From{' '}
          <a href={participant.resume_url} target="_blank" rel="noopener noreferrer">
            {participant.resume_url}
          </a>
        </p>
        {details.isError ? <ErrorNotice error={details.error} title="The resume could not be loaded" /> : null}
        {data === undefined ? null : data.status === 'pending' ? (
          <Notice tone="info" title="Waiting to be read">
            Docket is downloading and reading the file; this panel updates when it is done.
          </Notice>
        ) : data.status === 'failed' ? (
          <Notice tone="error" title={data.error !== undefined ? FAILURE_TITLES[data.error.code] : 'The resume could not be read'}>
            {data.error?.message}
            {data.fetched_at !== undefined ? <div className="subtle">Tried {formatDateTime(data.fetched_at)}</div> : null}
          </Notice>
        ) : (
          <>
            <div className="stack">
              <h3 className="resume-subheading" id="resume-skills-heading">
                Matched skills
              </h3>
              {data.matched_skills.length > 0 ? (
                <ul className="chip-list" aria-labelledby="resume-skills-heading">
                  {data.matched_skills.map((skill) => (
                    <li key={skill} className="chip">
                      {skill}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">
                  {participant.evaluation_template_id === null
                    ? 'No evaluation template: skills are matched against a template’s skills.'
                    : template !== undefined && template.skills.length === 0
                      ? 'The evaluation template lists no skills.'
                      : 'None of the evaluation template’s skills were found in the resume.'}
                </p>
              )}
            </div>
            <div className="stack">
              <h3 className="resume-subheading">Extracted text</h3>
              <p className="subtle">
                {(data.characters ?? 0).toLocaleString()} characters · {TYPE_NAMES[data.content_type ?? ''] ?? data.content_type} · read{' '}
                {formatDateTime(data.fetched_at)}
              </p>
              <div className="resume-text" role="region" aria-label="Extracted resume text" tabIndex={0}>
                {data.text}
              </div>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
